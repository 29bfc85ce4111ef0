package com.zhaoshang.ledger.command.observability;

import com.zhaoshang.ledger.api.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Command rates and latencies: the timer {@code ledger.commands} (Prometheus {@code ledger_commands_seconds_*}),
 * tagged {@code command} (the command's simple class name) and {@code outcome}: {@code success}, {@code refused} (a
 * domain refusal, tagged with its {@code reason}, the {@link ErrorCode}) or {@code failed} (anything else). The time
 * runs from the handler's start to the end of its unit of work, so it includes storing the events.
 * <p>
 * Registered on the command bus directly (not as a {@code MessageHandlerInterceptor} bean, which Axon would also
 * offer to the query bus and the event processors).
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {

    public static final String TIMER = "ledger.commands";

    @Bean
    public SmartInitializingSingleton commandMetricsRegistration(CommandBus commandBus, MeterRegistry registry) {
        return () -> commandBus.registerHandlerInterceptor(timing(registry));
    }

    static MessageHandlerInterceptor<CommandMessage<?>> timing(MeterRegistry registry) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                Timer.Sample sample = Timer.start(registry);
                String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
                unitOfWork.onCleanup(u -> {
                    ResultMessage<?> result = u.getExecutionResult() == null ? null : u.getExecutionResult().getResult();
                    Throwable failure = result != null && result.isExceptional() ? result.exceptionResult() : null;
                    sample.stop(Timer.builder(TIMER)
                            .description("Commands handled, by command type and outcome")
                            .tag("command", command)
                            .tag("outcome", outcome(failure))
                            .tag("reason", reason(failure))
                            .register(registry));
                });
                return interceptorChain.proceed();
            }
        };
    }

    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return reason(failure).equals("none") ? "failed" : "refused";
    }

    static String reason(Throwable failure) {
        if (failure instanceof CommandExecutionException refusal
                && refusal.getDetails().orElse(null) instanceof ErrorCode code) {
            return code.name();
        }
        return "none";
    }
}
