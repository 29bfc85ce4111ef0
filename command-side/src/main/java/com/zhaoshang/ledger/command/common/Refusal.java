package com.zhaoshang.ledger.command.common;

import com.zhaoshang.ledger.api.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;

public final class Refusal { public static CommandExecutionException of(ErrorCode code, String detail) { return new CommandExecutionException(detail, null, code); } }
