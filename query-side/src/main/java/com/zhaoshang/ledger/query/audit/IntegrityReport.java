package com.zhaoshang.ledger.query.audit;

/**
 * The answer of the tamper-evidence check.
 *
 * @param ok            no failure at all
 * @param checkedEvents events whose stream chain was recomputed
 * @param sealedEvents  seals whose chain was recomputed
 * @param failureCount  how many records failed (the first is named)
 * @param firstFailure  the first record that fails, in global order; null when ok
 * @param checkpoint    the latest signed checkpoint and whether the log still agrees with it; null when none yet
 */
public record IntegrityReport(boolean ok, long checkedEvents, long sealedEvents, long failureCount,
                              Failure firstFailure, CheckpointCheck checkpoint) {

    /** Where the log fails: the global index and stream position it was found at, and why. */
    public record Failure(Long globalIndex, String aggregateIdentifier, Long sequenceNumber, String reason) {
    }

    /**
     * @param source    "database" (the latest row of audit_checkpoint) or the file it was read from
     * @param signature VALID, INVALID, UNSIGNED (written without a key) or NOT_CHECKED (no key given to the verifier)
     * @param matches   the seal chain holds exactly sealedCount seals up to headGlobalIndex, ending in headSealHash
     */
    public record CheckpointCheck(String source, long sealedCount, long headGlobalIndex, String headSealHash,
                                  String createdAt, String signature, boolean matches) {
    }
}
