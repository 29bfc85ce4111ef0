package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Actor;

import java.security.Principal;
import java.util.Objects;

/** The authenticated caller of a command: its login name and the {@link Actor} every command it sends carries. */
public record LedgerPrincipal(Actor actor) implements Principal {

    public LedgerPrincipal {
        Objects.requireNonNull(actor, "actor is required");
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
