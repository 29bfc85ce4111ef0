package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.AnswerComplaintCommand;
import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.PathIds;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints (FRONT_OFFICE): {@code POST /api/complaints} records one received (201 {"id","version"});
 * {@code POST /api/complaints/{id}/answer} records the response (If-Match). Escalation is the rules' job
 * ({@link Complaint}).
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

    private static final String COMPLAINT = "complaint";

    private final CommandSender sender;

    public ComplaintController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> receive(@Valid @RequestBody ComplaintRequest body, CommandContext context) {
        String complaintId = PathIds.newId();
        return sender.send(context, ReplyShape.created(COMPLAINT, complaintId, "/api/complaints/" + complaintId),
                body.toCommand(complaintId));
    }

    @PostMapping("/{complaintId}/answer")
    public ResponseEntity<String> answer(@PathVariable String complaintId,
                                         @Valid @RequestBody ComplaintAnswerRequest body, CommandContext context) {
        String id = PathIds.existing(COMPLAINT, complaintId);
        return sender.send(context, ReplyShape.updated(COMPLAINT, id),
                new AnswerComplaintCommand(id, body.answer(), body.occurredOn(), context.expectedVersion()));
    }
}
