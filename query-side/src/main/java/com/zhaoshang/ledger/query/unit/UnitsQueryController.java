package com.zhaoshang.ledger.query.unit;

import com.zhaoshang.ledger.api.query.unit.FindUnitQuery;
import com.zhaoshang.ledger.api.query.unit.FindUnitsQuery;
import com.zhaoshang.ledger.api.query.unit.UnitDetails;
import com.zhaoshang.ledger.api.query.unit.UnitList;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.web.Queries;
import com.zhaoshang.ledger.query.web.UnknownResourceException;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units?under=&peerGroup=&kind=} (tree order) and {@code GET /api/units/{id}}. */
@RestController
@RequestMapping(path = "/api/units", produces = MediaType.APPLICATION_JSON_VALUE)
public class UnitsQueryController {

    private static final String UNIT_ID_MESSAGE = "must be a GB/T 2260 division code (6, 9 or 12 digits) or a lower-case slug";

    private final Queries queries;

    public UnitsQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    public UnitList units(
            @RequestParam(name = "under", required = false) @Pattern(regexp = "(" + UnitId.PATTERN + ")?", message = UNIT_ID_MESSAGE) String under,
            @RequestParam(name = "peerGroup", required = false) @Pattern(regexp = "[a-z0-9-]{0,64}", message = "must be a lower-case peer group name") String peerGroup,
            @RequestParam(name = "kind", required = false) UnitKind kind) {
        return queries.ask(new FindUnitsQuery(under == null || under.isEmpty() ? null : new UnitId(under),
                peerGroup == null || peerGroup.isEmpty() ? null : peerGroup, kind), UnitList.class);
    }

    @GetMapping("/{id}")
    public UnitDetails unit(@PathVariable String id) {
        if (!UnitId.isValid(id)) {
            throw new UnknownResourceException("unit", id);
        }
        return queries.find(new FindUnitQuery(new UnitId(id)), UnitDetails.class)
                .orElseThrow(() -> new UnknownResourceException("unit", id));
    }
}
