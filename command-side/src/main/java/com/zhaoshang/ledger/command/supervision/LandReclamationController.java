package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.ConfirmLandReclamationCommand;
import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.PathIds;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/projects/{id}/land-reclamation} (INSPECTOR, {@code If-Match}): confirms the reclamation of idle
 * land the idle-land rule proposed ({@code LandReclaimedEvent}); answers {@code 200 {"id", "version"}} with ETag.
 */
@RestController
public class LandReclamationController {

    private final CommandSender sender;

    public LandReclamationController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/projects/{projectId}/land-reclamation")
    public ResponseEntity<String> confirmLandReclamation(@PathVariable String projectId,
                                                         @Valid @RequestBody LandReclamationRequest body,
                                                         CommandContext context) {
        String id = PathIds.existing("project", projectId);
        return sender.send(context, ReplyShape.updated("project", id),
                new ConfirmLandReclamationCommand(id, body.reason(), body.occurredOn(), context.expectedVersion()));
    }
}
