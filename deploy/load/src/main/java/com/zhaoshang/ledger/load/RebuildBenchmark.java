package com.zhaoshang.ledger.load;

import com.zhaoshang.ledger.query.QuerySideApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection rebuild speed (docs/PERFORMANCE.md): starts the query side in-process on the benchmark database with
 * its tables in a new, empty schema ({@code --schema}, searched before {@code public}, where the event tables are),
 * so every projection replays the whole event store from the start — as it would on a fresh deployment or after
 * its tables were dropped — with the processors' configured batch sizes, segments and threads. For each view
 * (processing group) it prints when the last of its segments reached the head of the store, and the rate: events in
 * the store per second, counted from the launch (the processors start near the end of the context's start-up, so
 * this is a lower bound, close for long replays). All views rebuild at the same time, as they do in production, sharing the cores.
 * <pre>
 * java -cp … com.zhaoshang.ledger.load.RebuildBenchmark --jdbc-url=jdbc:postgresql://localhost:5432/ledger \
 *      --db-user=ledger --schema=rebuild_1 [--timeout=7200]
 * </pre>
 * The schema is left behind, caught up: the query benchmark runs the application on it.
 */
public final class RebuildBenchmark {

    private static final Pattern CURRENT = Pattern.compile("\"currentToken\"\\s*:\\s*\\{");
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private RebuildBenchmark() {
    }

    public static void main(String[] args) {
        // the context leaves non-daemon threads behind (scheduler, processors): end the JVM when done, or failed
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        Options options = new Options(args);
        String schema = options.get("schema", "rebuild_" + System.currentTimeMillis() / 1000);
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must be a plain lower-case name: " + schema);
        }
        String baseUrl = options.get("jdbc-url", "jdbc:postgresql://localhost:5432/ledger");
        String user = options.get("db-user", "ledger");
        String password = options.getOrEnv("db-password", "LEDGER_DB_PASSWORD", "");
        long timeoutSeconds = options.getLong("timeout", 7200);
        long head;
        long events;
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            try (ResultSet rows = statement.executeQuery("SELECT coalesce(max(globalindex), 0), count(*) FROM public.domainevententry")) {
                rows.next();
                head = rows.getLong(1);
                events = rows.getLong(2);
            }
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = Benchmarks.start(QuerySideApplication.class, url, user, password,
                "ledger.query.flyway.schema=" + schema)) {
            double startedAfter = (System.nanoTime() - start) / 1e9;
            Map<String, EventProcessor> processors = context.getBean(EventProcessingConfiguration.class).eventProcessors();
            Map<String, Double> caughtUp = new TreeMap<>();
            long deadline = start + timeoutSeconds * 1_000_000_000L;
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 PreparedStatement tokens = connection.prepareStatement(
                         "SELECT processorname, convert_from(token, 'UTF8') FROM tokenentry WHERE token IS NOT NULL")) {
                while (caughtUp.size() < streaming(processors) && System.nanoTime() < deadline) {
                    Map<String, Boolean> atHead = new TreeMap<>();
                    try (ResultSet rows = tokens.executeQuery()) {
                        while (rows.next()) {
                            atHead.merge(rows.getString(1), position(rows.getString(2)) >= head, Boolean::logicalAnd);
                        }
                    }
                    double now = (System.nanoTime() - start) / 1e9;
                    atHead.forEach((name, done) -> {
                        if (done && processors.get(name) instanceof StreamingEventProcessor) {
                            caughtUp.putIfAbsent(name, now);
                        }
                    });
                    LockSupport.parkNanos(50_000_000L);
                }
            }
            System.out.println("== projection rebuild: every view from an empty schema ==");
            System.out.printf(Locale.ROOT, "store        %d events, head global index %d; schema %s; context started in %.1f s%n",
                    events, head, schema, startedAfter);
            for (Map.Entry<String, EventProcessor> entry : processors.entrySet()) {
                if (!(entry.getValue() instanceof StreamingEventProcessor)) {
                    continue;
                }
                Double seconds = caughtUp.get(entry.getKey());
                if (seconds == null) {
                    System.out.printf(Locale.ROOT, "  %-22s NOT caught up after %d s%n", entry.getKey(), timeoutSeconds);
                    System.out.printf(Locale.ROOT, "FIGURES rebuild view=%s caught_up=false%n", entry.getKey());
                } else {
                    System.out.printf(Locale.ROOT, "  %-22s caught up %7.1f s after launch (%6.1f s after the context was ready) = %8.0f events/s at least%n",
                            entry.getKey(), seconds, Math.max(0, seconds - startedAfter), events / seconds);
                    System.out.printf(Locale.ROOT, "FIGURES rebuild view=%s seconds=%.1f events_per_s=%.0f%n", entry.getKey(), seconds, events / seconds);
                }
            }
            System.out.println("machine      " + Benchmarks.machine());
        }
    }

    private static long streaming(Map<String, EventProcessor> processors) {
        return processors.values().stream().filter(StreamingEventProcessor.class::isInstance).count();
    }

    /**
     * The position of a stored token (Jackson): the last {@code "index"} in its JSON, which is the current token's
     * when it is a replay token ({@code tokenAtReset} comes first), else its only one; -1 for a replay token without a
     * current token yet (nothing handled).
     */
    static long position(String token) {
        if (token.contains("\"tokenAtReset\"") && !CURRENT.matcher(token).find()) {
            return -1; // a replay token that has handled nothing yet: at the start, not at its reset position
        }
        Matcher matcher = INDEX.matcher(token);
        long position = -1;
        while (matcher.find()) {
            position = Long.parseLong(matcher.group(1));
        }
        return position;
    }
}
