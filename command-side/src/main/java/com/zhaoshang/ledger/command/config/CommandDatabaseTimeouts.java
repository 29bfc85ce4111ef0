package com.zhaoshang.ledger.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Bounds how long a command's transaction can hold a global index it has not committed yet, so that no event
 * processor passes over it (see docs/DEPLOYMENT.md, "Gaps"): every connection of the pool starts with PostgreSQL's
 * {@code statement_timeout} and {@code idle_in_transaction_session_timeout} set to
 * {@code ledger.command.database.statement-timeout} and {@code ledger.command.database.idle-in-transaction-timeout}
 * (empty = PostgreSQL's own setting). Both stay far below the readers' gap timeout
 * ({@code ledger.events.gap-timeout}).
 */
@Component
public class CommandDatabaseTimeouts implements BeanPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
            String sql = initSql(duration("ledger.command.database.statement-timeout"),
                    duration("ledger.command.database.idle-in-transaction-timeout"));
            if (!sql.isEmpty()) {
                pool.setConnectionInitSql(sql);
            }
        }
        return bean;
    }

    private Duration duration(String property) {
        String value = environment.getProperty(property, "");
        return value.isBlank() ? null : DurationStyle.detectAndParse(value.trim());
    }

    static String initSql(Duration statementTimeout, Duration idleInTransactionTimeout) {
        StringBuilder sql = new StringBuilder();
        if (statementTimeout != null && !statementTimeout.isZero()) {
            sql.append("SET statement_timeout = ").append(statementTimeout.toMillis());
        }
        if (idleInTransactionTimeout != null && !idleInTransactionTimeout.isZero()) {
            sql.append(sql.isEmpty() ? "" : "; ")
                    .append("SET idle_in_transaction_session_timeout = ").append(idleInTransactionTimeout.toMillis());
        }
        return sql.toString();
    }
}
