package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer to a command in the form the idempotency record stores it, so that a replay gives back exactly
 * the first answer: status, JSON body, {@code Location} and {@code ETag}.
 */
public record CommandAnswer(int status, String body, String location, String etag) {

    /** Marks an answer given again for a repeated {@code Idempotency-Key}. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The body of every successful command: the id and the aggregate's version after the command. */
    public record IdAndVersion(String id, long version) {
    }

    /**
     * The answer to a successful command. Instance command handlers return the aggregate's new version (a number);
     * creating handlers return the new aggregate's id, whose version is 0.
     */
    public static CommandAnswer success(ReplyShape shape, Object result, ObjectMapper objectMapper) {
        long version = result instanceof Number number ? number.longValue() : 0L;
        String body = json(objectMapper, new IdAndVersion(shape.id(), version));
        return shape.creates()
                ? new CommandAnswer(201, body, shape.location(), null)
                : new CommandAnswer(200, body, null, "\"" + version + "\"");
    }

    public static CommandAnswer problem(ProblemDetail problem, ObjectMapper objectMapper) {
        return new CommandAnswer(problem.getStatus(), json(objectMapper, problem), null, null);
    }

    public ResponseEntity<String> toResponseEntity(boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(status >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.body(body);
    }

    private static String json(ObjectMapper objectMapper, Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a command answer as JSON", e);
        }
    }
}
