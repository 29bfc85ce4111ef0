package com.zhaoshang.ledger.api.value;

import java.util.Objects;

/**
 * The leader who answers for a project (包抓领导): "一个项目、一个领导、一套班子". {@code userId} links to a
 * login when the leader has one; {@code name} and {@code title} are what bulletins print.
 */
public record ResponsibleLeader(String name, String title, String userId) {

    public ResponsibleLeader {
        Objects.requireNonNull(name, "leader name is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("leader name is blank");
        }
    }
}
