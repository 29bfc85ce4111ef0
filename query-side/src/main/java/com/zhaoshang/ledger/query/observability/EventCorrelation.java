package com.zhaoshang.ledger.query.observability;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections log with the event's correlation id: while an event processor handles an event, the MDC holds the
 * event's {@code correlationId} (the id of the request whose command caused it) and {@code eventId}; at DEBUG the
 * logger {@code com.zhaoshang.ledger.query.observability.EventCorrelation} writes one line per projected event.
 * Registered as every processor's default handler interceptor.
 */
@Configuration(proxyBeanMethods = false)
public class EventCorrelation {

    static final Logger LOG = LoggerFactory.getLogger(EventCorrelation.class);
    public static final String CORRELATION_ID = "correlationId";
    public static final String EVENT_ID = "eventId";

    @Bean
    public ConfigurerModule eventCorrelationConfigurerModule() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> inMdc(processorName));
    }

    static MessageHandlerInterceptor<EventMessage<?>> inMdc(String processorName) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                EventMessage<?> event = unitOfWork.getMessage();
                Object correlationId = event.getMetaData().get(CORRELATION_ID);
                String previousCorrelation = MDC.get(CORRELATION_ID);
                String previousEvent = MDC.get(EVENT_ID);
                if (correlationId != null) {
                    MDC.put(CORRELATION_ID, correlationId.toString());
                }
                MDC.put(EVENT_ID, event.getIdentifier());
                try {
                    LOG.debug("processor {} handles {}", processorName, event.getPayloadType().getSimpleName());
                    return chain.proceed();
                } finally {
                    restore(CORRELATION_ID, previousCorrelation);
                    restore(EVENT_ID, previousEvent);
                }
            }
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
