package com.zhaoshang.ledger.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The number of stored events, read with SQL from the ledger's database (the load tool's {@code --jdbc-url}). */
final class EventCounter {

    private final String url;
    private final String user;
    private final String password;

    EventCounter(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    long count() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events at " + url + ": " + e.getMessage(), e);
        }
    }
}
