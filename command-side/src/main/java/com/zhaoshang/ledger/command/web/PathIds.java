package com.zhaoshang.ledger.command.web;

import org.springframework.web.ErrorResponseException;

import java.util.regex.Pattern;

/** Server-made ids (projects, activities, capital arrivals) are UUIDs; anything else in their place names nothing: 404. */
public final class PathIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private PathIds() {
    }

    public static String newId() {
        return java.util.UUID.randomUUID().toString();
    }

    public static String existing(String what, String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new ErrorResponseException(ProblemKind.NOT_FOUND.status(),
                    Problems.of(ProblemKind.NOT_FOUND, "there is no " + what + " with this id"), null);
        }
        return id;
    }
}
