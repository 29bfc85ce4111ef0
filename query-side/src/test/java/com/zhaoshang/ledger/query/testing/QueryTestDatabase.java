package com.zhaoshang.ledger.query.testing;

import com.zhaoshang.ledger.query.config.QueryStoreConfiguration;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Fresh PostgreSQL databases for the query side's tests: with Axon's event tables, optionally with the projections'. */
public final class QueryTestDatabase {

    private QueryTestDatabase() {
    }

    /** A database holding the event tables the command side would have created; the query side migrates the rest. */
    public static TestPostgres.Database withEventTables(String label) {
        TestPostgres.Database database = TestPostgres.newDatabase(label);
        try (Connection connection = dataSource(database).getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("eventstore/axon-event-tables.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the event tables in " + database.name(), e);
        }
        return database;
    }

    /** A database migrated by the query side's own Flyway (projection tables and tokens), for tests without Spring. */
    public static DataSource migrated(String label) {
        DataSource dataSource = dataSource(TestPostgres.newDatabase(label));
        new QueryStoreConfiguration().querySideFlyway(dataSource, "public").migrate();
        return dataSource;
    }

    public static DataSource dataSource(TestPostgres.Database database) {
        return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    }
}
