package com.zhaoshang.ledger.api.value;

import java.util.Objects;

/** A piece of evidence a verifier relied on: its kind and a reference (document number, archive location). */
public record Evidence(EvidenceKind kind, String reference) {

    public Evidence {
        Objects.requireNonNull(kind, "evidence kind is required");
        Objects.requireNonNull(reference, "evidence reference is required");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("evidence reference is blank");
        }
    }
}
