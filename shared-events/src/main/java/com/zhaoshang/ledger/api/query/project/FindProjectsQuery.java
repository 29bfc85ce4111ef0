package com.zhaoshang.ledger.api.query.project;

import com.zhaoshang.ledger.api.query.PageRequest;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.UnitId;

import java.util.Objects;

/**
 * A page of projects, most recently recorded first (then by id), answered with a {@link ProjectPage}.
 *
 * @param unitId          only projects of this unit ({@code null}: every unit)
 * @param includeSubunits with {@code unitId}: also the projects of every unit below it in the tree
 * @param stage           only projects at this stage ({@code null}: any stage)
 * @param overdue         {@code true}: only signed projects past the construction deadline without a construction
 *                        start; {@code false}: only the others; {@code null}: no filter
 * @param page            which page
 */
public record FindProjectsQuery(UnitId unitId, boolean includeSubunits, ProjectStage stage, Boolean overdue,
                                PageRequest page) {

    public FindProjectsQuery {
        Objects.requireNonNull(page, "page is required");
    }

    public static FindProjectsQuery all(PageRequest page) {
        return new FindProjectsQuery(null, true, null, null, page);
    }
}
