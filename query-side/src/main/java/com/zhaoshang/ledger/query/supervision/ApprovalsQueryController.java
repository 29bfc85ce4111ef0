package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.ApprovalList;
import com.zhaoshang.ledger.api.supervision.ApprovalStatus;
import com.zhaoshang.ledger.api.supervision.ApprovalSummary;
import com.zhaoshang.ledger.api.supervision.FindApprovalQuery;
import com.zhaoshang.ledger.api.supervision.FindApprovalsQuery;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.Queries;
import com.zhaoshang.ledger.query.web.UnknownResourceException;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.zhaoshang.ledger.query.supervision.SupervisionQueryController.OPTIONAL_UNIT_ID;
import static com.zhaoshang.ledger.query.supervision.SupervisionQueryController.UNIT_ID_MESSAGE;

/**
 * Approval requests (超时默认): {@code GET /api/approvals?unitId=&status=} (PENDING, GRANTED, REFUSED, DEEMED_GRANTED;
 * a unit's approvals are those of its departments or of its projects, subunits included) and
 * {@code GET /api/approvals/{id}} (with {@code ETag: "<version>"}); a deemed grant names the lapsed department in
 * {@code responsibleDepartmentUnitId}.
 */
@RestController
@RequestMapping(path = "/api/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApprovalsQueryController {

    private final Queries queries;

    public ApprovalsQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    public ApprovalList approvals(@RequestParam(name = "unitId", required = false)
                                  @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId,
                                  @RequestParam(name = "status", required = false) ApprovalStatus status) {
        UnitId unit = unitId == null || unitId.isEmpty() ? null : new UnitId(unitId);
        return queries.ask(new FindApprovalsQuery(unit, status), ApprovalList.class);
    }

    @GetMapping("/{id}")
    public ResponseEntity<ApprovalSummary> approval(@PathVariable String id) {
        ApprovalSummary approval = queries.find(new FindApprovalQuery(id), ApprovalSummary.class)
                .orElseThrow(() -> new UnknownResourceException("approval", id));
        return ResponseEntity.ok().eTag("\"" + approval.version() + "\"").body(approval);
    }
}
