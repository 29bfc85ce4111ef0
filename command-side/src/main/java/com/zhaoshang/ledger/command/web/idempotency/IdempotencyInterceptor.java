package com.zhaoshang.ledger.command.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.web.CommandAnswer;
import com.zhaoshang.ledger.command.web.ReplyShape;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Phase A made good, first in the command's unit of work: when the command carries a ticket and its request's
 * fingerprint, {@link IdempotencyStore#hold} claims the key in the command's own transaction (or throws
 * {@link IdempotencyClaimRefused}, rolling it back).
 * <p>
 * Phase B of idempotency, on the command bus: when a command carrying an {@link IdempotencyTicket} succeeds, its
 * answer is written to the idempotency record in the unit of work's prepare-commit phase, that is inside the
 * command's own transaction, after its events were appended. Events and record commit together or not at all, so
 * no crash can leave events whose request would be executed again.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    public IdempotencyInterceptor(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        IdempotencyTicket ticket = IdempotencyTicket.fromMetaData(command.getMetaData());
        ReplyShape shape = ReplyShape.fromMetaData(command.getMetaData());
        String fingerprint = IdempotencyTicket.fingerprintFrom(command.getMetaData());
        if (ticket != null && fingerprint != null) {
            store.hold(ticket, fingerprint);
        }
        Object result = interceptorChain.proceed();
        if (ticket != null && shape != null) {
            CommandAnswer answer = CommandAnswer.success(shape, result, objectMapper);
            unitOfWork.onPrepareCommit(u -> store.complete(ticket, answer));
        }
        return result;
    }
}
