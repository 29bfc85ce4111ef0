package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.security.CommandDenialLog;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyClaim;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyClaimRefused;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyStore;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyTicket;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one way a REST route sends a command: with the authenticated actor ({@code userId}, {@code role},
 * {@code unitId}) and, when the request has an {@code Idempotency-Key}, the idempotency ticket and the shape of the
 * answer in its metadata, through Axon's {@link CommandGateway}.
 * <p>
 * Answers: {@code 201}/{@code 200} with {@code {"id", "version"}} on success; a domain refusal as a problem (stored
 * under the key, so the same request is refused the same way again); an unexpected failure is rethrown (500) after
 * releasing the key. A refusal for want of rights (403: another unit's aggregate) is also recorded in the
 * {@link CommandDenialLog}, outside the command's rolled-back transaction.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final CommandFailures failures;
    private final ObjectMapper objectMapper;
    private final CommandDenialLog denials;

    public CommandSender(CommandGateway gateway, IdempotencyStore idempotency, CommandFailures failures,
                         ObjectMapper objectMapper, CommandDenialLog denials) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.failures = failures;
        this.objectMapper = objectMapper;
        this.denials = denials;
    }

    public ResponseEntity<String> send(CommandContext context, ReplyShape shape, Object command) {
        IdempotencyTicket ticket = null;
        if (context.hasIdempotencyKey()) {
            ticket = IdempotencyTicket.newClaim(context.actor().userId(), context.idempotencyKey());
        }

        MetaData metaData = MetaData.from(context.actor().asMetaData()).mergedWith(shape.asMetaData());
        if (ticket != null) {
            metaData = metaData.mergedWith(ticket.asMetaData(context.fingerprint()));
        }
        Object result;
        try {
            result = gateway.send(command, metaData).join();
        } catch (RuntimeException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof IdempotencyClaimRefused refused) {
                return answerWithoutSending(refused.claim());
            }
            Optional<CommandFailures.Refusal> refusal = failures.classify(cause, context, shape);
            if (refusal.isEmpty()) {
                if (ticket != null) {
                    idempotency.release(ticket);
                }
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            ProblemDetail problem = refusal.get().problem();
            if (problem.getStatus() == HttpStatus.FORBIDDEN.value()) {
                denials.record(context.actor(), context.method(), context.path(), problem.getStatus(),
                        problem.getDetail());
            }
            Problems.setInstance(problem, context.path());
            CommandAnswer answer = CommandAnswer.problem(problem, objectMapper);
            if (ticket != null) {
                if (refusal.get().repeatable()) {
                    idempotency.completeOutsideCommand(ticket, context.fingerprint(), answer);
                } else {
                    idempotency.release(ticket);
                }
            }
            return answer.toResponseEntity(false);
        }
        return CommandAnswer.success(shape, result, objectMapper).toResponseEntity(false);
    }

    /**
     * A key that is not this request's (found by {@link IdempotencyStore#hold} in the command's transaction, before
     * its handler ran): the first answer again (replay), 422 (another request) or 409 (in flight).
     */
    private static ResponseEntity<String> answerWithoutSending(IdempotencyClaim claim) {
        if (claim instanceof IdempotencyClaim.Replay replay) {
            return replay.answer().toResponseEntity(true);
        }
        if (claim instanceof IdempotencyClaim.Mismatch) {
            throw new ErrorResponseException(ProblemKind.IDEMPOTENCY_KEY_REUSED.status(),
                    Problems.of(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was used for a different request; use a new key for a new request"),
                    null);
        }
        throw new ErrorResponseException(ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT.status(),
                Problems.of(ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "a request with this Idempotency-Key is still being processed; retry later"), null);
    }

    /** The failure itself, out of the futures' wrappers. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
