package com.zhaoshang.ledger.api.query.project;

import java.util.Objects;

/** One project with all its facts; answered with an {@code Optional<ProjectDetails>} (empty when unknown). */
public record FindProjectQuery(String projectId) {

    public FindProjectQuery {
        Objects.requireNonNull(projectId, "projectId is required");
    }
}
