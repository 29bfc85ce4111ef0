package com.zhaoshang.ledger.command.web.idempotency;

/**
 * Thrown in the command's unit of work by {@link IdempotencyStore#hold} when the key is not this request's
 * (another request holds it, answered it, or used it for another body): the command rolls back before its handler ran,
 * and the sender answers {@link #claim()}.
 */
public class IdempotencyClaimRefused extends RuntimeException {

    private final transient IdempotencyClaim claim;

    public IdempotencyClaimRefused(IdempotencyClaim claim) {
        super("Idempotency-Key not claimed: " + claim.getClass().getSimpleName(), null, false, false);
        this.claim = claim;
    }

    public IdempotencyClaim claim() {
        return claim;
    }
}
