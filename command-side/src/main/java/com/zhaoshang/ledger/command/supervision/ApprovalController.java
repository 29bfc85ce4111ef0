package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.DecideApprovalCommand;
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
 * Approval requests (超时默认, FRONT_OFFICE): {@code POST /api/approvals} records one (201 + Location
 * {@code /api/approvals/{id}}, {"id","version"}); {@code POST /api/approvals/{id}/decision} records the department's
 * decision (If-Match). The deemed grant is the rule's job ({@link ApprovalRequest}).
 */
@RestController
@RequestMapping("/api/approvals")
public class ApprovalController {

    private static final String APPROVAL = "approval";

    private final CommandSender sender;

    public ApprovalController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> request(@Valid @RequestBody ApprovalRequestBody body, CommandContext context) {
        String approvalId = PathIds.newId();
        return sender.send(context, ReplyShape.created(APPROVAL, approvalId, "/api/approvals/" + approvalId),
                body.toCommand(approvalId));
    }

    @PostMapping("/{approvalId}/decision")
    public ResponseEntity<String> decide(@PathVariable String approvalId,
                                         @Valid @RequestBody ApprovalDecisionRequest body, CommandContext context) {
        String id = PathIds.existing(APPROVAL, approvalId);
        return sender.send(context, ReplyShape.updated(APPROVAL, id),
                new DecideApprovalCommand(id, body.granted(), body.reason(), body.occurredOn(),
                        context.expectedVersion()));
    }
}
