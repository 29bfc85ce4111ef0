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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection rebuild speed (docs/PERFORMANCE.md): starts the query side in-process on the benchmark database with
 * its tables in a new, empty schema, searched before {@code public} (where the event tables are), so the
 * projections replay the whole event store from the start — as on a fresh deployment or after their tables were
 * dropped — with the processors' configured batch sizes, segments and threads. For each view (processing group) it
 * prints when the last of its segments reached the head of the store, and the rate: events in the store per second
 * of replay, counted from when the context was ready (the processors start at the very end of the start-up), and,
 * as a lower bound, from the launch.
 * <p>
 * Modes ({@code --views}, default {@code each,all}): {@code each} rebuilds every view alone, one after the other,
 * each in its own context and schema ({@code <schema>_<view>}, dropped afterwards) while the other views claim no
 * segment ({@link OnlyViews}) — the rebuild speed of every view; {@code all} rebuilds all views at once in
 * {@code --schema}, sharing the cores, as a fresh deployment does; a comma-separated list of processing groups
 * rebuilds those alone, one after the other.
 * <pre>
 * java -cp … com.zhaoshang.ledger.load.RebuildBenchmark --jdbc-url=jdbc:postgresql://localhost:5432/ledger \
 *      --db-user=ledger --schema=rebuild_1 [--views=each,all] [--timeout=7200]
 * </pre>
 * The schema of the {@code all} mode is left behind, caught up: the query benchmark runs the application on it.
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

    private record Store(String baseUrl, String user, String password, long head, long events, long timeoutSeconds) {
    }

    private static void run(String[] args) throws Exception {
        Options options = new Options(args);
        String schema = options.get("schema", "rebuild_" + System.currentTimeMillis() / 1000);
        requirePlainName(schema);
        String baseUrl = options.get("jdbc-url", "jdbc:postgresql://localhost:5432/ledger");
        String user = options.get("db-user", "ledger");
        String password = options.getOrEnv("db-password", "LEDGER_DB_PASSWORD", "");
        long head;
        long events;
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(globalindex), 0), count(*) FROM public.domainevententry")) {
            rows.next();
            head = rows.getLong(1);
            events = rows.getLong(2);
        }
        Store store = new Store(baseUrl, user, password, head, events, options.getLong("timeout", 7200));
        List<String> modes = List.of(options.get("views", "each,all").split(","));
        Map<String, String> alone = new LinkedHashMap<>();
        for (String mode : modes) {
            String view = mode.strip();
            if (view.equals("all")) {
                continue;
            }
            List<String> views = view.equals("each") ? processingGroups(store, schema) : List.of(view);
            for (String each : views) {
                String own = (schema + "_" + each.replaceAll("[^a-z0-9]", "_"));
                own = own.substring(0, Math.min(own.length(), 63));
                alone.put(each, rebuild(store, own, Set.of(each), "view " + each + " alone").get(each));
                drop(store, own);
            }
        }
        Map<String, String> together = Map.of();
        if (modes.stream().map(String::strip).anyMatch("all"::equals)) {
            together = rebuild(store, schema, null, "all views at once");
        }
        System.out.println("== projection rebuild: summary ==");
        System.out.printf(Locale.ROOT, "store        %d events, head global index %d%n", events, head);
        alone.forEach((view, line) -> System.out.println("  alone     " + line));
        together.forEach((view, line) -> System.out.println("  all       " + line));
        System.out.println("machine      " + Benchmarks.machine());
    }

    private static void requirePlainName(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must be a plain lower-case name: " + schema);
        }
    }

    /** The streaming processing groups of the query side: a context whose processors claim nothing. */
    private static List<String> processingGroups(Store store, String schema) throws Exception {
        String probe = schema + "_probe";
        createSchema(store, probe);
        OnlyViews.only = Set.of();
        try (ConfigurableApplicationContext context = Benchmarks.start(
                new Class<?>[] {QuerySideApplication.class, OnlyViews.class}, url(store, probe), store.user(),
                store.password(), "ledger.query.flyway.schema=" + probe)) {
            Map<String, EventProcessor> processors = context.getBean(EventProcessingConfiguration.class).eventProcessors();
            return processors.entrySet().stream().filter(e -> e.getValue() instanceof StreamingEventProcessor)
                    .map(Map.Entry::getKey).sorted().toList();
        } finally {
            OnlyViews.only = null;
            drop(store, probe);
        }
    }

    private static String url(Store store, String schema) {
        return store.baseUrl() + (store.baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    private static void createSchema(Store store, String schema) throws Exception {
        requirePlainName(schema);
        try (Connection connection = DriverManager.getConnection(store.baseUrl(), store.user(), store.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    private static void drop(Store store, String schema) throws Exception {
        requirePlainName(schema);
        try (Connection connection = DriverManager.getConnection(store.baseUrl(), store.user(), store.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * The tracking processors (one thread per segment) among the views not chosen are started as pooled ones for this
     * context, so that {@link OnlyViews} can keep them from claiming segments: returns the system properties set (a
     * system property overrides the query side's defaults), to be cleared once the context has started.
     */
    private static List<String> parkTrackingViews(Set<String> views) throws Exception {
        if (views == null) {
            return List.of();
        }
        java.util.Properties defaults = new java.util.Properties();
        try (var in = RebuildBenchmark.class.getClassLoader().getResourceAsStream("ledger/query-side-defaults.properties")) {
            defaults.load(in);
        }
        Pattern mode = Pattern.compile("axon\\.eventhandling\\.processors\\.(.+)\\.mode");
        List<String> parked = new java.util.ArrayList<>();
        for (String key : defaults.stringPropertyNames()) {
            Matcher name = mode.matcher(key);
            if (name.matches() && defaults.getProperty(key).trim().equals("tracking") && !views.contains(name.group(1))) {
                System.setProperty(key, "pooled");
                parked.add(key);
            }
        }
        return parked;
    }

    /**
     * Rebuilds {@code views} ({@code null}: all) into the empty {@code schema}; prints and returns, per view, a line
     * with its time and rate.
     */
    private static Map<String, String> rebuild(Store store, String schema, Set<String> views, String label) throws Exception {
        createSchema(store, schema);
        String url = url(store, schema);
        long start = System.nanoTime();
        OnlyViews.only = views;
        List<String> parked = parkTrackingViews(views);
        Map<String, String> lines = new TreeMap<>();
        try (ConfigurableApplicationContext context = Benchmarks.start(
                new Class<?>[] {QuerySideApplication.class, OnlyViews.class}, url, store.user(), store.password(),
                "ledger.query.flyway.schema=" + schema)) {
            double startedAfter = (System.nanoTime() - start) / 1e9;
            parked.forEach(System::clearProperty);
            Map<String, EventProcessor> processors = new TreeMap<>(context.getBean(EventProcessingConfiguration.class).eventProcessors());
            processors.entrySet().removeIf(e -> !(e.getValue() instanceof StreamingEventProcessor)
                    || (views != null && !views.contains(e.getKey())));
            Map<String, Double> caughtUp = new TreeMap<>();
            long deadline = start + store.timeoutSeconds() * 1_000_000_000L;
            try (Connection connection = DriverManager.getConnection(url, store.user(), store.password());
                 PreparedStatement tokens = connection.prepareStatement(
                         "SELECT processorname, convert_from(token, 'UTF8') FROM tokenentry WHERE token IS NOT NULL")) {
                while (caughtUp.size() < processors.size() && System.nanoTime() < deadline) {
                    Map<String, Boolean> atHead = new TreeMap<>();
                    try (ResultSet rows = tokens.executeQuery()) {
                        while (rows.next()) {
                            atHead.merge(rows.getString(1), position(rows.getString(2)) >= store.head(), Boolean::logicalAnd);
                        }
                    }
                    double now = (System.nanoTime() - start) / 1e9;
                    atHead.forEach((name, done) -> {
                        if (done && processors.containsKey(name)) {
                            caughtUp.putIfAbsent(name, now);
                        }
                    });
                    LockSupport.parkNanos(50_000_000L);
                }
            }
            System.out.printf(Locale.ROOT, "== projection rebuild, %s: from an empty schema ==%n", label);
            System.out.printf(Locale.ROOT, "store        %d events, head global index %d; schema %s; context started in %.1f s%n",
                    store.events(), store.head(), schema, startedAfter);
            String mode = views == null ? "all" : "alone";
            for (String name : processors.keySet()) {
                Double seconds = caughtUp.get(name);
                String line;
                if (seconds == null) {
                    line = String.format(Locale.ROOT, "%-22s NOT caught up after %d s", name, store.timeoutSeconds());
                    System.out.printf(Locale.ROOT, "FIGURES rebuild mode=%s view=%s caught_up=false%n", mode, name);
                } else {
                    double replay = Math.max(0.05, seconds - startedAfter);
                    line = String.format(Locale.ROOT, "%-22s caught up %7.1f s after launch, %6.1f s after the context was ready: %8.0f events/s (%6.0f from launch)",
                            name, seconds, replay, store.events() / replay, store.events() / seconds);
                    System.out.printf(Locale.ROOT, "FIGURES rebuild mode=%s view=%s seconds=%.1f events_per_s=%.0f events_per_s_from_launch=%.0f%n",
                            mode, name, replay, store.events() / replay, store.events() / seconds);
                }
                System.out.println("  " + line);
                lines.put(name, line);
            }
        } finally {
            OnlyViews.only = null;
        }
        return lines;
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
