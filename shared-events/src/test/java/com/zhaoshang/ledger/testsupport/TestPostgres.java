package com.zhaoshang.ledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for integration tests, chosen in this order:
 * <ol>
 *   <li>the server named by {@code TEST_DATABASE_URL} (a {@code jdbc:postgresql://…} or {@code postgresql://user:pw@host/db}
 *   URL of a role allowed to create databases);</li>
 *   <li>a Testcontainers PostgreSQL where a Docker engine answers;</li>
 *   <li>otherwise an embedded PostgreSQL (zonky) in a temporary directory.</li>
 * </ol>
 * One server per test JVM; {@link #newDatabase(String)} creates a fresh, uniquely named database on it for each caller,
 * so runs and test classes never see each other's data. Databases created on an external server are dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final java.time.Duration CLIENTS_GONE_WAIT = java.time.Duration.ofSeconds(20);
    private static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    private static Server server;

    private TestPostgres() {
    }

    /** A connection target for one fresh database. */
    public record Database(String jdbcUrl, String username, String password, String name, String provider) {

        /**
         * Hands the Spring datasource properties of this database to a registrar, e.g. in a
         * {@code @DynamicPropertySource} method: {@code DB.registerDataSource(registry::add)}.
         */
        public void registerDataSource(java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> registrar) {
            registrar.accept("spring.datasource.url", this::jdbcUrl);
            registrar.accept("spring.datasource.username", this::username);
            registrar.accept("spring.datasource.password", this::password);
        }
    }

    private record Server(String adminJdbcUrl, String username, String password, String provider, boolean dropOnExit) {

        String urlFor(String database) {
            URI uri = URI.create(adminJdbcUrl.substring("jdbc:".length()));
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database + query;
        }
    }

    /** Creates a fresh database named after the label (letters and digits only are kept). */
    public static synchronized Database newDatabase(String label) {
        Server s = server();
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = ("t_" + RUN_ID + "_" + COUNTER.incrementAndGet() + "_" + clean);
        name = name.substring(0, Math.min(name.length(), 60));
        try (Connection c = DriverManager.getConnection(s.adminJdbcUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + s.provider(), e);
        }
        if (s.dropOnExit()) {
            String dropName = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(s, dropName)));
        }
        return new Database(s.urlFor(name), s.username(), s.password(), name, s.provider());
    }

    /** Which server the tests of this JVM use, e.g. {@code embedded PostgreSQL}. */
    public static synchronized String provider() {
        return server().provider();
    }

    private static void drop(Server s, String name) {
        awaitClientsGone(s, name);
        try (Connection c = DriverManager.getConnection(s.adminJdbcUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.getLogger(TestPostgres.class.getName())
                    .log(System.Logger.Level.WARNING, "could not drop test database " + name, e);
        }
    }

    /**
     * Shutdown hooks run side by side: Spring's close the cached test contexts (processors release their token
     * claims, pools close) while these drop the databases or stop the server. Waiting until this run's test databases
     * have no client left (at most {@link #CLIENTS_GONE_WAIT}) lets the contexts close cleanly instead of retrying
     * connections to a database that is gone, which stalls the JVM's exit.
     */
    private static void awaitClientsGone(Server s, String database) {
        long deadline = System.nanoTime() + CLIENTS_GONE_WAIT.toNanos();
        String pattern = database != null ? database : "t\\_" + RUN_ID + "\\_%";
        try (Connection c = DriverManager.getConnection(s.adminJdbcUrl(), s.username(), s.password());
             java.sql.PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname LIKE ?")) {
            st.setString(1, pattern);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
        } catch (SQLException e) {
            System.getLogger(TestPostgres.class.getName())
                    .log(System.Logger.Level.DEBUG, "could not watch the test databases' clients", e);
        }
    }

    private static Server server() {
        if (server == null) {
            server = start();
            System.getLogger(TestPostgres.class.getName())
                    .log(System.Logger.Level.INFO, "integration tests use " + server.provider());
        }
        return server;
    }

    private static Server start() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external == null || external.isBlank()) {
            external = System.getProperty("test.database.url");
        }
        if (external != null && !external.isBlank()) {
            return external(external.strip());
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers PostgreSQL", false);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Server embedded = new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded PostgreSQL", false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitClientsGone(embedded, null);
                try {
                    pg.close();
                } catch (java.io.IOException e) {
                    System.getLogger(TestPostgres.class.getName())
                            .log(System.Logger.Level.WARNING, "could not stop embedded PostgreSQL", e);
                }
            }));
            return embedded;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Accepts {@code jdbc:postgresql://host:port/db?user=u&password=p} or {@code postgresql://u:p@host:port/db}. */
    static Server external(String url) {
        String jdbc;
        String user = System.getenv().getOrDefault("TEST_DATABASE_USER", null);
        String password = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", null);
        if (url.startsWith("jdbc:postgresql:")) {
            jdbc = url;
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri = URI.create(url);
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : password;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } else {
            throw new IllegalArgumentException("TEST_DATABASE_URL must be a jdbc:postgresql:// or postgresql:// URL");
        }
        List<String> query = new ArrayList<>();
        String q = URI.create(jdbc.substring("jdbc:".length())).getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals("user")) {
                    user = decode(p[1]);
                } else if (p[0].equals("password")) {
                    password = decode(p[1]);
                } else {
                    query.add(kv);
                }
            }
        }
        String base = jdbc.contains("?") ? jdbc.substring(0, jdbc.indexOf('?')) : jdbc;
        String cleaned = query.isEmpty() ? base : base + "?" + String.join("&", query);
        return new Server(cleaned, user, password, "the server of TEST_DATABASE_URL", true);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
