package com.zhaoshang.ledger.command.web.unit;

import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/units} (ADMIN): registers a unit under the id the client gives. */
@RestController
@RequestMapping("/api/units")
public class UnitCommandController {

    private final CommandSender sender;

    public UnitCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> registerUnit(@Valid @RequestBody RegisterUnitRequest body, CommandContext context) {
        return sender.send(context, ReplyShape.created("unit", body.id(), "/api/units/" + body.id()), body.toCommand());
    }
}
