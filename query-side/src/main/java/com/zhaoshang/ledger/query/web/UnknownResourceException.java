package com.zhaoshang.ledger.query.web;

/** The id in the path names nothing the projections know: answered 404. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String what, String id) {
        super("no " + what + " with id " + id);
    }
}
