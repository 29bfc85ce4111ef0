package com.zhaoshang.ledger.api.query.activity;

import java.util.List;

/** One page of an activity listing; {@code page} is 0-based. */
public record ActivityPage(List<ActivityDetails> items, int page, int size, long totalItems, int totalPages) {

    public ActivityPage {
        items = List.copyOf(items);
    }
}
