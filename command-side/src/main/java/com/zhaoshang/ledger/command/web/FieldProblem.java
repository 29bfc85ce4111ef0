package com.zhaoshang.ledger.command.web;

/** One offending field of a request ({@code investor.creditCode}, a header name such as {@code If-Match}). */
public record FieldProblem(String field, String message) implements Comparable<FieldProblem> {

    @Override
    public int compareTo(FieldProblem other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }
}
