package com.zhaoshang.ledger.command.observability;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.command.common.Refusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's correlation and metrics, without Spring: Axon's bus and messages, Micrometer's simple registry. */
class CommandObservabilityTest {

    record Ping(String text) {
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void anEventsCorrelationIdIsTheCommandsRequestIdWhenItHasOne() {
        CommandMessage<Ping> command = GenericCommandMessage.<Ping>asCommandMessage(new Ping("a"))
                .andMetaData(Map.of("correlationId", "request-7", "traceId", "trace-1"));

        Map<String, Object> data = Map.copyOf(CommandCorrelation.origin().correlationDataFor(command));

        assertThat(data).containsEntry("correlationId", "request-7").containsEntry("traceId", "trace-1");
    }

    @Test
    void withoutARequestIdTheCommandsOwnIdIsTheCorrelationIdAsInAxon() {
        CommandMessage<Ping> command = GenericCommandMessage.asCommandMessage(new Ping("a"));

        Map<String, Object> data = Map.copyOf(CommandCorrelation.origin().correlationDataFor(command));

        assertThat(data).containsEntry("correlationId", command.getIdentifier())
                .containsEntry("traceId", command.getIdentifier());
    }

    @Test
    void theGatewayCopiesTheMdcsIdIntoTheCommandButNeverOverwritesOne() {
        MDC.put(CorrelationIdFilter.MDC_KEY, "request-9");
        CommandMessage<?> plain = GenericCommandMessage.asCommandMessage(new Ping("a"));
        CommandMessage<?> preset = GenericCommandMessage.asCommandMessage(new Ping("b"))
                .andMetaData(Map.of("correlationId", "sender-set"));

        var interceptor = CommandCorrelation.fromMdc().handle(List.of(plain, preset));

        assertThat(interceptor.apply(0, plain).getMetaData()).containsEntry("correlationId", "request-9");
        assertThat(interceptor.apply(1, preset).getMetaData()).containsEntry("correlationId", "sender-set");
        MDC.remove(CorrelationIdFilter.MDC_KEY);
        assertThat(CommandCorrelation.fromMdc().handle(List.of(plain)).apply(0, plain).getMetaData()).isEqualTo(MetaData.emptyInstance());
    }

    @Test
    void aClientsIdIsKeptOnlyWhenItIsAPlainShortToken() {
        assertThat(CorrelationIdFilter.accepted("req-2026.11:22_a")).isEqualTo("req-2026.11:22_a");
        assertThat(CorrelationIdFilter.accepted("two words")).matches("[0-9a-f-]{36}");
        assertThat(CorrelationIdFilter.accepted("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(CorrelationIdFilter.accepted(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void everyCommandIsTimedByTypeAndOutcome() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(CommandMetrics.timing(registry));
        bus.subscribe(Ping.class.getName(), message -> {
            String text = ((Ping) message.getPayload()).text();
            if (text.equals("refuse")) {
                throw Refusal.of(ErrorCode.RULE_VIOLATED, "refused for the test");
            }
            if (text.equals("fail")) {
                throw new IllegalStateException("broken for the test");
            }
            return text;
        });

        for (String text : List.of("ok", "ok", "refuse", "fail")) {
            CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
            bus.dispatch(GenericCommandMessage.asCommandMessage(new Ping(text)), (c, r) -> result.complete(r));
            assertThat(result.get().isExceptional()).isEqualTo(!text.equals("ok"));
        }

        assertThat(registry.get(CommandMetrics.TIMER).tags("command", "Ping", "outcome", "success", "reason", "none")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get(CommandMetrics.TIMER).tags("command", "Ping", "outcome", "refused", "reason", "RULE_VIOLATED")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(CommandMetrics.TIMER).tags("command", "Ping", "outcome", "failed", "reason", "none")
                .timer().count()).isEqualTo(1);
    }
}
