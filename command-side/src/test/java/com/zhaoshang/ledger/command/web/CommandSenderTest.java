package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyClaim;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyClaimRefused;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyStore;
import com.zhaoshang.ledger.command.web.idempotency.IdempotencyTicket;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The sender's part of idempotency and of the answers, with the bus and the table replaced by mocks. */
class CommandSenderTest {

    private static final Actor FRONT = new Actor("front", Role.FRONT_OFFICE, new UnitId("360802"));
    private static final CommandContext WITH_KEY = new CommandContext(FRONT, "POST", "/api/projects/p-1/land",
            "{}".getBytes(), "key-1", null, true);
    private static final CommandContext WITHOUT_KEY = new CommandContext(FRONT, "POST", "/api/projects/p-1/land",
            "{}".getBytes(), null, null, true);
    private static final ReplyShape SHAPE = ReplyShape.updated("project", "p-1");

    private CommandGateway gateway;
    private IdempotencyStore store;
    private CommandSender sender;

    @BeforeEach
    void sender() {
        gateway = mock(CommandGateway.class);
        store = mock(IdempotencyStore.class);
        sender = new CommandSender(gateway, store, new CommandFailures(), new ObjectMapper(),
                org.mockito.Mockito.mock(com.zhaoshang.ledger.command.security.CommandDenialLog.class));
    }

    @Test
    void theActorTheShapeAndTheTicketTravelAsMetaData() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.completedFuture(4L));

        ResponseEntity<String> answer = sender.send(WITH_KEY, SHAPE, "command");

        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(gateway).send(eq("command"), metaData.capture());
        assertThat(metaData.getValue()).containsEntry("userId", "front").containsEntry("role", "FRONT_OFFICE")
                .containsEntry("unitId", "360802").containsEntry("idempotencyKey", "key-1")
                .containsEntry("idempotencyOwner", "front").containsKey("idempotencyToken")
                .containsEntry("idempotencyFingerprint", WITH_KEY.fingerprint())
                .containsEntry("replyId", "p-1");
        verifyNoInteractions(store);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("{\"id\":\"p-1\",\"version\":4}");
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"4\"");
    }

    @Test
    void aCompletedKeyIsAnsweredFromTheRecord() {
        CommandAnswer stored = new CommandAnswer(201, "{\"id\":\"x\",\"version\":0}", "/api/projects/x", null);
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new IdempotencyClaimRefused(new IdempotencyClaim.Replay(stored))));

        ResponseEntity<String> answer = sender.send(WITH_KEY, SHAPE, "command");

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody()).isEqualTo(stored.body());
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/projects/x");
        assertThat(answer.getHeaders().getFirst(CommandAnswer.REPLAYED_HEADER)).isEqualTo("true");
        verifyNoInteractions(store);
    }

    @Test
    void anotherRequestUnderTheKeyIs422AndAKeyInFlight409() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(
                CompletableFuture.failedFuture(new IdempotencyClaimRefused(new IdempotencyClaim.Mismatch())),
                CompletableFuture.failedFuture(new IdempotencyClaimRefused(new IdempotencyClaim.InFlight())));

        assertThatThrownBy(() -> sender.send(WITH_KEY, SHAPE, "command")).isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(422));
        assertThatThrownBy(() -> sender.send(WITH_KEY, SHAPE, "command")).isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));
        verifyNoInteractions(store);
    }

    @Test
    void aRefusalIsStoredUnderTheKeyAsItsProblem() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new CommandExecutionException("land was assigned already", null, ErrorCode.ILLEGAL_TRANSITION)));

        ResponseEntity<String> answer = sender.send(WITH_KEY, SHAPE, "command");

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("\"type\":\"/problems/illegal-transition\"")
                .contains("\"instance\":\"/api/projects/p-1/land\"").contains("land was assigned already");
        verify(store).completeOutsideCommand(ticketFor("key-1"), eq(WITH_KEY.fingerprint()), eq(new CommandAnswer(409, answer.getBody(), null, null)));
        verify(store, never()).release(any());
    }

    @Test
    void aLostRaceReleasesTheKeySoTheRetryIsSent() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new ConcurrencyException("sequence 3 taken")));

        ResponseEntity<String> answer = sender.send(WITH_KEY, SHAPE, "command");

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        verify(store).release(ticketFor("key-1"));
        verify(store, never()).completeOutsideCommand(any(), any(), any());
    }

    @Test
    void anUnexpectedFailureReleasesTheKeyAndIsRethrown() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new IllegalStateException("database on fire")));

        assertThatThrownBy(() -> sender.send(WITH_KEY, SHAPE, "command")).isInstanceOf(IllegalStateException.class)
                .hasMessage("database on fire");
        verify(store).release(ticketFor("key-1"));
    }

    @Test
    void withoutAKeyTheTableIsNeverTouched() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new CommandExecutionException("no", null, ErrorCode.RULE_VIOLATED)));

        ResponseEntity<String> answer = sender.send(WITHOUT_KEY, SHAPE, "command");

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        verifyNoInteractions(store);
    }

    private static IdempotencyTicket ticketFor(String key) {
        return argThat(ticket -> ticket.owner().equals("front") && ticket.key().equals(key) && ticket.token() != null);
    }
}
