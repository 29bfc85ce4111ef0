package com.zhaoshang.ledger.query.health;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means "the database cannot be reached right now" (so the answer is 503 and a retry later may
 * succeed) rather than a fault of the request or of the code. Looks through the whole cause chain, because Axon
 * wraps what JDBC threw (an {@code EventStoreException} around an {@code SQLException}, …).
 */
public final class DatabaseUnavailable {

    /** SQL states of a lost or refused connection, an admin shutdown, a server starting up or in recovery. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof TransactionSystemException rollback) {
                // the statement failed on a dead connection, then the rollback failed too ("Connection is closed"):
                // the statement's own failure is kept aside as the application exception
                if (rollback.getApplicationException() != null && causedBy(rollback.getApplicationException())) {
                    return true;
                }
                if (rollback.getMostSpecificCause() instanceof SQLException) {
                    return true;
                }
            }
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
