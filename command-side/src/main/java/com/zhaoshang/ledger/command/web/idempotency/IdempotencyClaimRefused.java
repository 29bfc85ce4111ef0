package com.zhaoshang.ledger.command.web.idempotency;

/**
 * Thrown in the command's unit of work by {@link IdempotencyStore#hold} when the key turned out not to be this
 * request's after all (another request claimed or answered it since the look before sending): the command rolls back
 * and the sender answers {@link #claim()} as it would have answered it before sending.
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
