package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.PathIds;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/bulletins} (ADMIN): a bulletin on demand; {@code 201}, {@code Location: /api/bulletins/{id}}. */
@RestController
@RequestMapping("/api/bulletins")
public class BulletinCommandController {

    private final CommandSender sender;

    public BulletinCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> publishBulletin(@Valid @RequestBody PublishBulletinRequest body, CommandContext context) {
        String bulletinId = PathIds.newId();
        return sender.send(context, ReplyShape.created("bulletin", bulletinId, "/api/bulletins/" + bulletinId),
                body.toCommand(bulletinId));
    }
}
