package com.zhaoshang.ledger.api.query;

/**
 * Which page of a listing to answer: {@code page} is 0-based, {@code size} between 1 and {@link #MAX_SIZE}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** How many rows the pages before this one hold. */
    public long offset() {
        return (long) page * size;
    }

    /** How many pages {@code totalItems} rows fill at this size. */
    public int totalPages(long totalItems) {
        return (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
    }
}
