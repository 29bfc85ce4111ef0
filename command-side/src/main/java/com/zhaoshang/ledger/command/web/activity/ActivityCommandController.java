package com.zhaoshang.ledger.command.web.activity;

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

/** {@code POST /api/activities} (FRONT_OFFICE): an activity that counts against targets before there is a project. */
@RestController
@RequestMapping("/api/activities")
public class ActivityCommandController {

    private final CommandSender sender;

    public ActivityCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> recordActivity(@Valid @RequestBody RecordActivityRequest body, CommandContext context) {
        String activityId = PathIds.newId();
        return sender.send(context, ReplyShape.created("activity", activityId, "/api/activities/" + activityId),
                body.toCommand(activityId));
    }
}
