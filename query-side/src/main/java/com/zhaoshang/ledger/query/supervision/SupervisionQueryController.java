package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindOpenFindingsQuery;
import com.zhaoshang.ledger.api.supervision.FindingKind;
import com.zhaoshang.ledger.api.supervision.OpenFindings;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.Queries;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.Set;

/**
 * The supervision views (督查), per unit subtree ({@code unitId} empty or absent: every unit):
 * {@code GET /api/supervision/overdue-projects?unitId=} (限时开工 overdue, with days overdue),
 * {@code GET /api/supervision/idle-land?unitId=} (圈而不建 findings and reclaim proposals),
 * {@code GET /api/supervision/stalled-projects?unitId=} (签约即止), and
 * {@code GET /api/supervision/projects/{id}/findings} (a project's open findings).
 */
@RestController
@RequestMapping(path = "/api/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
public class SupervisionQueryController {

    static final String OPTIONAL_UNIT_ID = "(" + UnitId.PATTERN + ")?";
    static final String UNIT_ID_MESSAGE = "must be a GB/T 2260 division code (6, 9 or 12 digits) or a lower-case slug";

    private final Queries queries;

    public SupervisionQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/overdue-projects")
    public OpenFindings overdueProjects(@RequestParam(name = "unitId", required = false)
                                        @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId) {
        return ask(EnumSet.of(FindingKind.CONSTRUCTION_OVERDUE), unitId);
    }

    @GetMapping("/idle-land")
    public OpenFindings idleLand(@RequestParam(name = "unitId", required = false)
                                 @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId) {
        return ask(EnumSet.of(FindingKind.IDLE_LAND, FindingKind.LAND_RECLAIM_PROPOSED), unitId);
    }

    @GetMapping("/stalled-projects")
    public OpenFindings stalledProjects(@RequestParam(name = "unitId", required = false)
                                        @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId) {
        return ask(EnumSet.of(FindingKind.STALLED_AFTER_SIGNING), unitId);
    }

    @GetMapping("/projects/{projectId}/findings")
    public OpenFindings projectFindings(@PathVariable String projectId) {
        return queries.ask(new FindOpenFindingsQuery(EnumSet.allOf(FindingKind.class), null, projectId),
                OpenFindings.class);
    }

    private OpenFindings ask(Set<FindingKind> kinds, String unitId) {
        UnitId unit = unitId == null || unitId.isEmpty() ? null : new UnitId(unitId);
        return queries.ask(new FindOpenFindingsQuery(kinds, unit, null), OpenFindings.class);
    }
}
