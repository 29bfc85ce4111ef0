package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.api.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Maps what the command bus threw to the problem the client gets, once for every route:
 * <ul>
 *   <li>a {@link CommandExecutionException} whose details are an {@link ErrorCode} → that code's status and slug;
 *   {@code UNKNOWN_REFERENCE} becomes 404 when the path names the aggregate (an unknown capital arrival);</li>
 *   <li>{@link AggregateNotFoundException} → 404 (the project in the path does not exist);</li>
 *   <li>{@link AggregateStreamCreationException} → 409 already-exists; {@link ConcurrencyException} and
 *   {@link ConflictingModificationException} → 409 conflict (a concurrent writer won: retry);</li>
 *   <li>anything else is not a refusal: empty, and the caller answers 500.</li>
 * </ul>
 */
@Component
public class CommandFailures {

    /**
     * A refused command.
     *
     * @param repeatable whether the same request would be refused the same way again, so the answer may be stored
     *                   under its Idempotency-Key (a lost race is not: the retry may succeed)
     */
    public record Refusal(ProblemDetail problem, boolean repeatable) {
    }

    public Optional<Refusal> classify(Throwable failure, CommandContext context, ReplyShape shape) {
        if (failure instanceof CommandExecutionException e) {
            Optional<ErrorCode> code = e.getDetails().filter(ErrorCode.class::isInstance).map(ErrorCode.class::cast);
            if (code.isPresent()) {
                return Optional.of(new Refusal(refusal(code.get(), e.getMessage(), context), true));
            }
            if (e.getCause() != null && e.getCause() != e) {
                return classify(e.getCause(), context, shape);
            }
            return Optional.empty();
        }
        if (failure instanceof AggregateNotFoundException e) {
            return Optional.of(new Refusal(Problems.of(ProblemKind.NOT_FOUND,
                    "there is no " + shape.aggregate() + " '" + e.getAggregateIdentifier() + "'"), true));
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(new Refusal(Problems.of(ProblemKind.ALREADY_EXISTS,
                    "a " + shape.aggregate() + " '" + shape.id() + "' exists already"), false));
        }
        if (failure instanceof ConcurrencyException || failure instanceof ConflictingModificationException) {
            return Optional.of(new Refusal(Problems.of(ProblemKind.CONFLICT,
                    "the " + shape.aggregate() + " was changed by another request at the same time; reload it and retry"),
                    false));
        }
        return Optional.empty();
    }

    private static ProblemDetail refusal(ErrorCode code, String message, CommandContext context) {
        HttpStatusCode status = code == ErrorCode.UNKNOWN_REFERENCE && context.pathNamesTarget()
                ? HttpStatus.NOT_FOUND
                : HttpStatusCode.valueOf(code.httpStatus());
        String detail = message == null || message.isBlank() ? code.slug().replace('-', ' ') : message;
        return Problems.refusal(code, status, detail);
    }
}
