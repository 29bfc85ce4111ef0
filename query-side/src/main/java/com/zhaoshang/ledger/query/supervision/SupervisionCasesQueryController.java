package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindSupervisionCasesQuery;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseList;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.Queries;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/cases?unitId=&leader=&open=&overdue=}: supervision cases per lead unit subtree and per
 * responsible leader; {@code open=true} leaves out closed cases, {@code overdue=true} keeps open cases past their
 * deadline.
 */
@RestController
public class SupervisionCasesQueryController {

    private final Queries queries;

    public SupervisionCasesQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/supervision/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    public SupervisionCaseList cases(
            @RequestParam(name = "unitId", required = false)
            @Pattern(regexp = SupervisionQueryController.OPTIONAL_UNIT_ID,
                    message = SupervisionQueryController.UNIT_ID_MESSAGE) String unitId,
            @RequestParam(name = "leader", required = false) @Size(max = 100) String leader,
            @RequestParam(name = "open", defaultValue = "false") boolean open,
            @RequestParam(name = "overdue", defaultValue = "false") boolean overdue) {
        UnitId unit = unitId == null || unitId.isEmpty() ? null : new UnitId(unitId);
        String leaderName = leader == null || leader.isBlank() ? null : leader.strip();
        return queries.ask(new FindSupervisionCasesQuery(unit, leaderName, open, overdue), SupervisionCaseList.class);
    }
}
