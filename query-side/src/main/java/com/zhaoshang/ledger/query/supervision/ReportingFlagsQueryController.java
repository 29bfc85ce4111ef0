package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindLateEntriesQuery;
import com.zhaoshang.ledger.api.supervision.FindVerificationGapsQuery;
import com.zhaoshang.ledger.api.supervision.LateEntries;
import com.zhaoshang.ledger.api.supervision.VerificationGaps;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.Queries;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static com.zhaoshang.ledger.query.supervision.SupervisionQueryController.OPTIONAL_UNIT_ID;
import static com.zhaoshang.ledger.query.supervision.SupervisionQueryController.UNIT_ID_MESSAGE;

/**
 * The inspectors' lists of rules 8 and 9, per unit subtree ({@code unitId} empty or absent: every unit):
 * {@code GET /api/supervision/verification-gaps?unitId=} (防止水份: verified short of reported beyond the threshold,
 * largest gap first) and {@code GET /api/supervision/late-entries?unitId=&from=&to=} (facts recorded more than the
 * allowed days after their date; {@code from}/{@code to} bound the recording date).
 */
@RestController
@RequestMapping(path = "/api/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReportingFlagsQueryController {

    private final Queries queries;

    public ReportingFlagsQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/verification-gaps")
    public VerificationGaps verificationGaps(@RequestParam(name = "unitId", required = false)
                                             @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE)
                                             String unitId) {
        return queries.ask(new FindVerificationGapsQuery(unit(unitId)), VerificationGaps.class);
    }

    @GetMapping("/late-entries")
    public LateEntries lateEntries(@RequestParam(name = "unitId", required = false)
                                   @Pattern(regexp = OPTIONAL_UNIT_ID, message = UNIT_ID_MESSAGE) String unitId,
                                   @RequestParam(name = "from", required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(name = "to", required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.ask(new FindLateEntriesQuery(unit(unitId), from, to), LateEntries.class);
    }

    private static UnitId unit(String unitId) {
        return unitId == null || unitId.isEmpty() ? null : new UnitId(unitId);
    }
}
