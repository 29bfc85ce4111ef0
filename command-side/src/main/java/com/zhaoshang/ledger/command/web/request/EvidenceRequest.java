package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The evidence a verifier relied on: its kind and a reference (document number, archive location). */
public record EvidenceRequest(
        @NotNull EvidenceKind kind,
        @NotBlank @Size(max = 200) @PlainText String reference) {

    public Evidence toEvidence() {
        return new Evidence(kind, reference.strip());
    }
}
