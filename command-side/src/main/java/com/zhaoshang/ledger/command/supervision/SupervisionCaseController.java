package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.CaseStep;
import com.zhaoshang.ledger.api.supervision.TakeCaseStepCommand;
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
 * Supervision cases (督办事项) over HTTP, roles in {@code CommandSecurityConfiguration}:
 * <pre>
 * POST /api/supervision-cases                      INSPECTOR      open (督查事项) → 201 {"id","version"}
 * POST /api/supervision-cases/{id}/review          LEADER         领导审核
 * POST /api/supervision-cases/{id}/issue           INSPECTOR      下发
 * POST /api/supervision-cases/{id}/acknowledgement FRONT_OFFICE   签收
 * POST /api/supervision-cases/{id}/handling        FRONT_OFFICE   办理
 * POST /api/supervision-cases/{id}/report          FRONT_OFFICE   反馈
 * POST /api/supervision-cases/{id}/recheck         INSPECTOR      复核
 * POST /api/supervision-cases/{id}/closing         INSPECTOR      办结
 * </pre>
 * Steps take {@code {"note", "occurredOn"}} and {@code If-Match}; out of order → 409 illegal transition.
 */
@RestController
@RequestMapping("/api/supervision-cases")
public class SupervisionCaseController {

    private static final String CASE = "supervision-case";

    private final CommandSender sender;

    public SupervisionCaseController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<String> open(@Valid @RequestBody OpenCaseRequest body, CommandContext context) {
        String caseId = PathIds.newId();
        return sender.send(context, ReplyShape.created(CASE, caseId, "/api/supervision-cases/" + caseId),
                body.toCommand(caseId));
    }

    @PostMapping("/{caseId}/review")
    public ResponseEntity<String> review(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                         CommandContext context) {
        return step(caseId, CaseStep.REVIEW, body, context);
    }

    @PostMapping("/{caseId}/issue")
    public ResponseEntity<String> issue(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                        CommandContext context) {
        return step(caseId, CaseStep.ISSUE, body, context);
    }

    @PostMapping("/{caseId}/acknowledgement")
    public ResponseEntity<String> acknowledge(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                              CommandContext context) {
        return step(caseId, CaseStep.ACKNOWLEDGE, body, context);
    }

    @PostMapping("/{caseId}/handling")
    public ResponseEntity<String> handle(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                         CommandContext context) {
        return step(caseId, CaseStep.HANDLE, body, context);
    }

    @PostMapping("/{caseId}/report")
    public ResponseEntity<String> reportBack(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                             CommandContext context) {
        return step(caseId, CaseStep.REPORT_BACK, body, context);
    }

    @PostMapping("/{caseId}/recheck")
    public ResponseEntity<String> recheck(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                          CommandContext context) {
        return step(caseId, CaseStep.RECHECK, body, context);
    }

    @PostMapping("/{caseId}/closing")
    public ResponseEntity<String> close(@PathVariable String caseId, @Valid @RequestBody CaseStepRequest body,
                                        CommandContext context) {
        return step(caseId, CaseStep.CLOSE, body, context);
    }

    private ResponseEntity<String> step(String caseId, CaseStep step, CaseStepRequest body, CommandContext context) {
        String id = PathIds.existing(CASE, caseId);
        return sender.send(context, ReplyShape.updated(CASE, id),
                new TakeCaseStepCommand(id, step, body.note(), body.occurredOn(), context.expectedVersion()));
    }
}
