package com.zhaoshang.ledger.command.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.web.CommandAnswer;
import com.zhaoshang.ledger.command.web.ReplyShape;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Phase B: the answer is recorded in the command's unit of work, after its events, and only when it succeeds. */
class IdempotencyInterceptorTest {

    private static final IdempotencyTicket TICKET = new IdempotencyTicket("front", "key-1", "token-1");
    private final List<String> steps = new ArrayList<>();
    private IdempotencyStore store;
    private SimpleCommandBus bus;
    private Object handlerResult;
    private RuntimeException handlerFailure;

    @BeforeEach
    void bus() {
        store = mock(IdempotencyStore.class);
        doAnswer(invocation -> steps.add("idempotency record completed")).when(store).complete(any(), any());
        bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new IdempotencyInterceptor(store, new ObjectMapper()));
        bus.subscribe(String.class.getName(), command -> {
            CurrentUnitOfWork.get().onPrepareCommit(u -> steps.add("events appended"));
            if (handlerFailure != null) {
                throw handlerFailure;
            }
            return handlerResult;
        });
    }

    @Test
    void aSucceedingCommandRecordsItsAnswerAfterItsEventsInItsUnitOfWork() {
        handlerResult = 3L;

        CommandResultMessage<?> result = dispatch(MetaData.from(TICKET.asMetaData())
                .mergedWith(ReplyShape.updated("project", "p-1").asMetaData()));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo(3L);
        verify(store).complete(TICKET, new CommandAnswer(200, "{\"id\":\"p-1\",\"version\":3}", null, "\"3\""));
        assertThat(steps).containsExactly("events appended", "idempotency record completed");
    }

    @Test
    void aCreatingCommandRecordsItsLocationAndVersionZero() {
        handlerResult = "p-2";

        dispatch(MetaData.from(TICKET.asMetaData())
                .mergedWith(ReplyShape.created("project", "p-2", "/api/projects/p-2").asMetaData()));

        verify(store).complete(TICKET, new CommandAnswer(201, "{\"id\":\"p-2\",\"version\":0}", "/api/projects/p-2", null));
    }

    @Test
    void aRefusedCommandRecordsNothingInItsUnitOfWork() {
        handlerFailure = new IllegalStateException("refused");

        CommandResultMessage<?> result = dispatch(MetaData.from(TICKET.asMetaData())
                .mergedWith(ReplyShape.updated("project", "p-1").asMetaData()));

        assertThat(result.isExceptional()).isTrue();
        verify(store, never()).complete(any(), any());
    }

    @Test
    void aCommandWithoutAKeyRecordsNothing() {
        handlerResult = 1L;

        dispatch(MetaData.from(ReplyShape.updated("project", "p-1").asMetaData()));

        verify(store, never()).complete(any(), any());
    }

    @Test
    void theKeyIsHeldInTheUnitOfWorkBeforeTheHandlerRuns() {
        handlerResult = 5L;
        doAnswer(invocation -> steps.add("key held")).when(store).hold(any(), any());

        dispatch(MetaData.from(TICKET.asMetaData("f".repeat(64)))
                .mergedWith(ReplyShape.updated("project", "p-1").asMetaData()));

        verify(store).hold(TICKET, "f".repeat(64));
        assertThat(steps).containsExactly("key held", "events appended", "idempotency record completed");
    }

    @Test
    void aKeyThatIsNotThisRequestsStopsTheCommandBeforeItsHandler() {
        handlerResult = 6L;
        doThrow(new IdempotencyClaimRefused(new IdempotencyClaim.InFlight())).when(store).hold(any(), any());

        CommandResultMessage<?> result = dispatch(MetaData.from(TICKET.asMetaData("f".repeat(64)))
                .mergedWith(ReplyShape.updated("project", "p-1").asMetaData()));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IdempotencyClaimRefused.class);
        assertThat(steps).isEmpty();
        verify(store, never()).complete(any(), any());
    }

    @Test
    void aLostClaimRollsTheCommandBack() {
        handlerResult = 4L;
        doThrow(new IllegalStateException("taken over")).when(store).complete(any(), any());

        CommandResultMessage<?> result = dispatch(MetaData.from(TICKET.asMetaData())
                .mergedWith(ReplyShape.updated("project", "p-1").asMetaData()));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("taken over");
    }

    private CommandResultMessage<?> dispatch(MetaData metaData) {
        CommandMessage<String> command = GenericCommandMessage.<String>asCommandMessage("do it").andMetaData(metaData);
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        bus.dispatch(command, (message, answer) -> result.complete(answer));
        return result.join();
    }
}
