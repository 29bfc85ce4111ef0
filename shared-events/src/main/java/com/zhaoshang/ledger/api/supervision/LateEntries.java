package com.zhaoshang.ledger.api.supervision;

import java.util.List;

/** The answer to {@link FindLateEntriesQuery}: most recently recorded first. */
public record LateEntries(List<LateEntry> entries) {
}
