package com.zhaoshang.ledger.query.web;

import java.util.List;

/** Request parameters that are well-formed one by one but wrong together (e.g. {@code from} after {@code to}): 400. */
public class InvalidParametersException extends RuntimeException {

    private final List<ProblemTypes.FieldError> errors;

    public InvalidParametersException(List<ProblemTypes.FieldError> errors) {
        super(errors.isEmpty() ? "invalid parameters" : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<ProblemTypes.FieldError> errors() {
        return errors;
    }
}
