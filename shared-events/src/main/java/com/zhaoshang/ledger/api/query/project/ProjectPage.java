package com.zhaoshang.ledger.api.query.project;

import java.util.List;

/** One page of a project listing; {@code page} is 0-based. */
public record ProjectPage(List<ProjectSummary> items, int page, int size, long totalItems, int totalPages) {

    public ProjectPage {
        items = List.copyOf(items);
    }
}
