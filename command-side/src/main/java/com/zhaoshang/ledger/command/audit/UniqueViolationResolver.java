package com.zhaoshang.ledger.command.audit;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) anywhere in the cause chain, including the next
 * exceptions of a failed batch, so a second append of the same (aggregate, sequence) surfaces as Axon's
 * {@code ConcurrencyException}. Axon's {@code JdbcSQLErrorCodesResolver} looks for
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
            if (next.getNextException() == next) {
                return false;
            }
        }
        return false;
    }
}
