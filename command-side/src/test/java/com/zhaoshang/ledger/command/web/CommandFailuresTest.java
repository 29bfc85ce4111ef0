package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command bus threw, as the client sees it. */
class CommandFailuresTest {

    private static final Actor FRONT = new Actor("front", Role.FRONT_OFFICE, new UnitId("360802"));
    private static final CommandContext IN_PATH = context(true);
    private static final CommandContext IN_BODY = context(false);
    private static final ReplyShape PROJECT = ReplyShape.updated("project", "p-1");
    private final CommandFailures failures = new CommandFailures();

    @Test
    void everyErrorCodeGivesItsStatusAndSlug() {
        for (ErrorCode code : ErrorCode.values()) {
            CommandFailures.Refusal refusal = failures.classify(
                    new CommandExecutionException("because", null, code), IN_BODY, PROJECT).orElseThrow();
            ProblemDetail problem = refusal.problem();
            assertThat(problem.getStatus()).isEqualTo(code.httpStatus());
            assertThat(problem.getType()).hasToString("/problems/" + code.slug());
            assertThat(problem.getDetail()).isEqualTo("because");
            assertThat(refusal.repeatable()).isTrue();
        }
    }

    @Test
    void anUnknownReferenceNamedInThePathIsNotFound() {
        ProblemDetail problem = failures.classify(new CommandExecutionException("no arrival a-1", null,
                ErrorCode.UNKNOWN_REFERENCE), IN_PATH, PROJECT).orElseThrow().problem();

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("/problems/unknown-reference");
    }

    @Test
    void aMissingAggregateIsNotFound() {
        ProblemDetail problem = failures.classify(new AggregateNotFoundException("p-9", "not found"), IN_PATH, PROJECT)
                .orElseThrow().problem();

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("/problems/not-found");
        assertThat(problem.getDetail()).isEqualTo("there is no project 'p-9'");
    }

    @Test
    void lostRacesAreConflictsThatAreNotRemembered() {
        CommandFailures.Refusal race = failures.classify(new ConcurrencyException("sequence taken"), IN_PATH, PROJECT)
                .orElseThrow();
        CommandFailures.Refusal creation = failures.classify(new AggregateStreamCreationException("exists"), IN_BODY,
                ReplyShape.created("unit", "360802", "/api/units/360802")).orElseThrow();

        assertThat(race.problem().getStatus()).isEqualTo(409);
        assertThat(race.problem().getType()).hasToString("/problems/conflict");
        assertThat(race.repeatable()).isFalse();
        assertThat(creation.problem().getStatus()).isEqualTo(409);
        assertThat(creation.problem().getType()).hasToString("/problems/already-exists");
        assertThat(creation.repeatable()).isFalse();
    }

    @Test
    void anythingElseIsNotARefusal() {
        assertThat(failures.classify(new NoHandlerForCommandException("none"), IN_BODY, PROJECT)).isEmpty();
        assertThat(failures.classify(new IllegalStateException("bug"), IN_BODY, PROJECT)).isEmpty();
        assertThat(failures.classify(new CommandExecutionException("wrapped", new IllegalStateException("bug")),
                IN_BODY, PROJECT)).isEmpty();
    }

    @Test
    void aWrappedRefusalIsFoundInsideItsWrapper() {
        assertThat(failures.classify(new CommandExecutionException("wrapped",
                new AggregateNotFoundException("p-9", "gone")), IN_PATH, PROJECT).orElseThrow().problem().getStatus())
                .isEqualTo(404);
        assertThat(CommandSender.unwrap(new CompletionException(new ConcurrencyException("x"))))
                .isInstanceOf(ConcurrencyException.class);
    }

    private static CommandContext context(boolean pathNamesTarget) {
        return new CommandContext(FRONT, "POST", "/api/projects/p-1/land", new byte[0], null, null, pathNamesTarget);
    }
}
