package com.zhaoshang.ledger.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Sends the typed queries of the vocabulary through Axon's {@link QueryGateway} and waits for the answer. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R ask(Object query, Class<R> answerType) {
        return await(gateway.query(query, ResponseTypes.instanceOf(answerType)));
    }

    public <R> Optional<R> find(Object query, Class<R> answerType) {
        return await(gateway.query(query, ResponseTypes.optionalInstanceOf(answerType)));
    }

    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
