package com.zhaoshang.ledger.query.activity;

import com.zhaoshang.ledger.api.query.PageRequest;
import com.zhaoshang.ledger.api.query.activity.ActivityPage;
import com.zhaoshang.ledger.api.query.activity.FindActivitiesQuery;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.web.InvalidParametersException;
import com.zhaoshang.ledger.query.web.ProblemTypes;
import com.zhaoshang.ledger.query.web.Queries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/activities?unitId=&includeSubunits=&kind=&from=&to=&page=&size=}: {@code from}/{@code to} are
 * inclusive ISO business dates; the answer is {@code {items, page, size, totalItems, totalPages}}.
 */
@RestController
@RequestMapping(path = "/api/activities", produces = MediaType.APPLICATION_JSON_VALUE)
public class ActivitiesQueryController {

    private static final String UNIT_ID_MESSAGE = "must be a GB/T 2260 division code (6, 9 or 12 digits) or a lower-case slug";

    private final Queries queries;

    public ActivitiesQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    public ActivityPage activities(
            @RequestParam(name = "unitId", required = false) @Pattern(regexp = "(" + UnitId.PATTERN + ")?", message = UNIT_ID_MESSAGE) String unitId,
            @RequestParam(name = "includeSubunits", defaultValue = "true") boolean includeSubunits,
            @RequestParam(name = "kind", required = false) ActivityKind kind,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParametersException(List.of(new ProblemTypes.FieldError("to", "must not be before from")));
        }
        FindActivitiesQuery query = new FindActivitiesQuery(unitId == null || unitId.isEmpty() ? null : new UnitId(unitId),
                includeSubunits, kind, from, to, new PageRequest(page, size));
        return queries.ask(query, ActivityPage.class);
    }
}
