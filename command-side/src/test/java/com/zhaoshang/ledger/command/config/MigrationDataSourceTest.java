package com.zhaoshang.ledger.command.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway migrates through plain connections, not the pool's: a pool whose connections start with short
 * {@code statement_timeout} and {@code idle_in_transaction_session_timeout} (the command side's, 15 s) would kill a
 * migration that fills a table from a large store, or Flyway's history connection waiting in its transaction.
 */
class MigrationDataSourceTest {

    @Test
    void migrationsRunWithoutThePoolsTimeouts() {
        TestPostgres.Database db = TestPostgres.newDatabase("migration-timeouts-command");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.jdbcUrl());
            pool.setUsername(db.username());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(1);
            pool.setConnectionInitSql("SET statement_timeout = 1000; SET idle_in_transaction_session_timeout = 1000");

            DataSource migrations = CommandStoreConfiguration.migrationDataSource(pool);

            assertThat(migrations).isNotSameAs(pool);
            assertThat(setting(pool, "statement_timeout")).isEqualTo("1s");
            assertThat(setting(pool, "idle_in_transaction_session_timeout")).isEqualTo("1s");
            assertThat(setting(migrations, "statement_timeout")).isEqualTo("0");
            assertThat(setting(migrations, "idle_in_transaction_session_timeout")).isEqualTo("0");
            assertThat(new JdbcTemplate(migrations).queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(db.name());
        }
    }

    private static String setting(DataSource dataSource, String name) {
        return new JdbcTemplate(dataSource).queryForObject("SHOW " + name, String.class);
    }
}
