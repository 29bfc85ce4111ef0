package com.zhaoshang.ledger.command.common;

import com.zhaoshang.ledger.api.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * How aggregates and command handlers refuse a command: a {@link CommandExecutionException} whose details are the
 * {@link ErrorCode}, so the kind of refusal survives the command bus and the REST edge maps it once to a status.
 */
public final class Refusal {

    private Refusal() {
    }

    public static CommandExecutionException of(ErrorCode code, String detail) {
        return new CommandExecutionException(detail, null, code);
    }
}
