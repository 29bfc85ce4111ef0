package com.zhaoshang.ledger.command.web;

/** A request header the command side reads ({@code If-Match}, {@code Idempotency-Key}) is malformed: 400. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
