package com.zhaoshang.ledger.command.web.idempotency;

import com.zhaoshang.ledger.command.web.CommandAnswer;

/** Why phase A ({@link IdempotencyStore#hold}) found an {@code Idempotency-Key} not to be this request's. */
public sealed interface IdempotencyClaim {

    /** The same request was answered before: give that answer again, send nothing. */
    record Replay(CommandAnswer answer) implements IdempotencyClaim {
    }

    /** The key was used for a different request: 422. */
    record Mismatch() implements IdempotencyClaim {
    }

    /** The first request with this key is still running: 409. */
    record InFlight() implements IdempotencyClaim {
    }
}
