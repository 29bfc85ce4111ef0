package com.zhaoshang.ledger.load;

import com.zhaoshang.ledger.api.value.CreditCode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the REST API at a chosen concurrency for a chosen time and prints throughput, latency percentiles (exact),
 * errors and the event count before and after (docs/PERFORMANCE.md).
 * <pre>
 * java -cp … com.zhaoshang.ledger.load.LoadTool --url=http://localhost:8080 --concurrency=8 --duration=60 --warmup=10 \
 *      [--scenario=commands|queries] [--label=<name in the FIGURES line>] [--units=40] [--jdbc-url=jdbc:postgresql://…/ledger --db-user=ledger] (LEDGER_DB_PASSWORD)
 * </pre>
 * Scenario {@code commands}: every client (one thread each, a fixed pool) owns its projects and walks a realistic
 * mix — leads (25%), the next lifecycle step of one of its projects (35%), capital arrivals (15%) and their
 * verification (10%), activities (15%) — over {@code --units} districts under one city, each request with its own
 * Idempotency-Key. Owning its projects, a client never races another on one aggregate, so a 409 is a real error.
 * Scenario {@code queries}: the leaders' reads — rankings, a campaign's progress, conversion — in turn.
 * Users: {@code --admin=admin:admin-demo --front=front:front-demo --verifier=verifier:verifier-demo
 * --leader=leader:leader-demo} (the embedded default's demo users).
 */
public final class LoadTool {

    static final String ROOT_UNIT = "369900";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] STEPS = {"negotiation", "intent", "signing", "registration", "land",
            "construction-start", "completion", "production-start"};

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();

    private LoadTool(String url, Options options) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        for (String role : new String[] {"admin", "front", "verifier", "leader"}) {
            String credentials = options.get(role, role + ":" + role + "-demo");
            authorization.put(role, "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String url = options.get("url", "http://localhost:8080");
        int concurrency = options.getInt("concurrency", 8);
        int duration = options.getInt("duration", 60);
        int warmup = options.getInt("warmup", 10);
        int units = options.getInt("units", 40);
        String scenario = options.get("scenario", "commands");
        String jdbcUrl = options.get("jdbc-url", null);
        EventCounter counter = jdbcUrl == null ? null : new EventCounter(jdbcUrl, options.get("db-user", "ledger"),
                options.getOrEnv("db-password", "LEDGER_DB_PASSWORD", ""));
        LoadTool tool = new LoadTool(url, options);
        Report report = switch (scenario) {
            case "commands" -> tool.commands(concurrency, duration, warmup, units, counter);
            case "queries" -> tool.queries(concurrency, duration, warmup, options);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        // --label names the run in its FIGURES line (e.g. queries-computed), the scenario by default
        report.print(System.out, options.get("label", scenario), url, concurrency, duration, warmup, tool.errors, tool.errorSamples);
    }

    /** What a run measured. */
    record Report(Map<String, Latencies> byKind, Latencies all, double seconds, Long eventsBefore, Long eventsAfter) {

        void print(PrintStream out, String scenario, String url, int concurrency, int duration, int warmup,
                   Map<String, AtomicLong> errors, Map<String, String> errorSamples) {
            long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
            out.println("== load tool: " + scenario + " over HTTP ==");
            out.printf(Locale.ROOT, "target       %s, %d clients, %d s measured after %d s warm-up, %d cores here%n",
                    url, concurrency, duration, warmup, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "requests     %d answered 2xx, %d errors %s%n", all.count(), errorCount, new TreeMap<>(
                    errors.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
            errorSamples.forEach((status, sample) -> out.println("  first " + status + ": " + sample));
            out.printf(Locale.ROOT, "throughput   %.1f requests/s%n", all.count() / seconds);
            out.println("latency all  " + all.summary());
            byKind.forEach((kind, latencies) -> out.printf(Locale.ROOT, "  %-19s %s%n", kind, latencies.summary()));
            if (eventsBefore != null) {
                out.printf(Locale.ROOT, "events       before %d, after %d, +%d (%.1f events/s over the whole run)%n",
                        eventsBefore, eventsAfter, eventsAfter - eventsBefore,
                        (eventsAfter - eventsBefore) / (double) (duration + warmup));
            }
            out.printf(Locale.ROOT, "FIGURES scenario=%s clients=%d throughput=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f "
                            + "p999_ms=%.2f errors=%d%n", scenario, concurrency, all.count() / seconds,
                    Latencies.ms(all.percentile(50)), Latencies.ms(all.percentile(95)), Latencies.ms(all.percentile(99)),
                    Latencies.ms(all.percentile(99.9)), errorCount);
        }
    }

    // ---------------------------------------------------------------- commands

    private Report commands(int concurrency, int duration, int warmup, int units, EventCounter counter) throws Exception {
        List<String> districts = setUpUnits(units);
        Long before = counter == null ? null : counter.count();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        List<Map<String, Latencies>> perWorker = run(concurrency, worker -> {
            CommandClient commandClient = new CommandClient(worker, districts, measureFrom);
            while (System.nanoTime() < end) {
                commandClient.next();
            }
            return commandClient.latencies;
        });
        Long after = counter == null ? null : counter.count();
        return merge(perWorker, duration, before, after);
    }

    private List<String> setUpUnits(int units) throws IOException, InterruptedException {
        register(ROOT_UNIT, null, "负载测试市", "CITY", "city");
        List<String> districts = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            String id = String.format("3699%02d", i);
            register(id, ROOT_UNIT, "负载测试" + i + "区", "DISTRICT", "district");
            districts.add(id);
        }
        return districts;
    }

    private void register(String id, String parent, String name, String kind, String peerGroup)
            throws IOException, InterruptedException {
        String body = "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\","
                + (parent == null ? "" : "\"parentId\":\"" + parent + "\",") + "\"peerGroup\":\"" + peerGroup + "\"}";
        HttpResponse<String> answer = post("admin", "/api/units", body);
        if (answer.statusCode() != 201 && answer.statusCode() != 409) {
            throw new IllegalStateException("cannot register unit " + id + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** One client's own projects and the mix it sends. */
    private final class CommandClient {
        private final Random random;
        private final List<String> districts;
        private final long measureFrom;
        private final int worker;
        private final Map<String, Latencies> latencies = new TreeMap<>();
        private final List<OwnProject> active = new ArrayList<>();
        private final List<OwnProject> signed = new ArrayList<>();
        private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        private long sequence;
        private final long codeBase;

        CommandClient(int worker, List<String> districts, long measureFrom) {
            this.worker = worker;
            this.random = new Random(worker * 7919L + System.nanoTime());
            this.codeBase = random.nextInt(10_000_000);
            this.districts = districts;
            this.measureFrom = measureFrom;
        }

        void next() throws IOException, InterruptedException {
            int dice = random.nextInt(100);
            if (dice < 25 || active.isEmpty() && signed.isEmpty()) {
                lead();
            } else if (dice < 60 && !active.isEmpty()) {
                step(active.get(random.nextInt(active.size())));
            } else if (dice < 75 && !signed.isEmpty()) {
                arrival(signed.get(random.nextInt(signed.size())));
            } else if (dice < 85 && signed.stream().anyMatch(p -> !p.unverified.isEmpty())) {
                List<OwnProject> withArrivals = signed.stream().filter(p -> !p.unverified.isEmpty()).toList();
                verify(withArrivals.get(random.nextInt(withArrivals.size())));
            } else {
                activity();
            }
        }

        private void lead() throws IOException, InterruptedException {
            String unit = districts.get(random.nextInt(districts.size()));
            LocalDate on = today.minusDays(60 + random.nextInt(300));
            // a random start per run, so that a second run on the same store does not claim a live lead's credit code again
            String first17 = String.format("91%04d%02dMA%07d", 3699, worker % 100, (codeBase + ++sequence * 131 + random.nextInt(131)) % 10_000_000);
            String creditCode = first17 + CreditCode.checkCharacterFor(first17);
            String body = """
                    {"name":"负载测试项目%d-%d","unitId":"%s",
                     "investor":{"name":"江西负载测试材料有限公司%d","creditCode":"%s","kind":"PRIVATE"},
                     "industryCode":"C3011","channel":"DOOR_TO_DOOR",
                     "intendedAmount":{"amount":"%d","currency":"CNY"},"occurredOn":"%s"}"""
                    .formatted(worker, sequence, unit, worker, creditCode, 10_000_000 + random.nextInt(900_000_000), on);
            HttpResponse<String> answer = timed("lead", "front", "/api/projects", body);
            String id = idOf(answer);
            if (id != null) {
                active.add(new OwnProject(id, on));
            }
        }

        private void step(OwnProject project) throws IOException, InterruptedException {
            String step = STEPS[project.stage];
            LocalDate on = project.next();
            String user = "front";
            String body = switch (step) {
                case "intent" -> "{\"amount\":{\"amount\":\"%d\",\"currency\":\"CNY\"},\"occurredOn\":\"%s\"}"
                        .formatted(50_000_000 + random.nextInt(100_000_000), on);
                case "signing" -> """
                        {"contractAmount":{"amount":"%d.00","currency":"CNY"},"ceremony":"2026年重大项目集中签约会",
                         "responsibleLeader":{"name":"张伟","title":"副区长"},"occurredOn":"%s"}"""
                        .formatted(40_000_000 + random.nextInt(100_000_000), on);
                case "registration" -> {
                    user = "verifier";
                    yield "{\"evidence\":{\"kind\":\"CONTRACT_DOCUMENTS\",\"reference\":\"LT-%d\"},\"occurredOn\":\"%s\"}"
                            .formatted(random.nextInt(1_000_000), on);
                }
                case "land" -> "{\"parcelId\":\"LT%d-%d\",\"areaMu\":\"%d.5\",\"occurredOn\":\"%s\"}"
                        .formatted(worker, random.nextInt(1_000_000), 10 + random.nextInt(200), on);
                default -> "{\"occurredOn\":\"" + on + "\"}";
            };
            HttpResponse<String> answer = timed(step, user, "/api/projects/" + project.id + "/" + step, body);
            if (answer.statusCode() / 100 == 2) {
                project.stage++;
                if ("signing".equals(step)) {
                    signed.add(project);
                }
                if (project.stage == STEPS.length) {
                    active.remove(project);
                }
            } else {
                active.remove(project);
            }
        }

        private void arrival(OwnProject project) throws IOException, InterruptedException {
            int amount = 1_000_000 + random.nextInt(50_000_000);
            String body = "{\"amount\":{\"amount\":\"%d\",\"currency\":\"CNY\"},\"occurredOn\":\"%s\"}"
                    .formatted(amount, project.latest);
            String id = idOf(timed("capital-arrival", "front", "/api/projects/" + project.id + "/capital-arrivals", body));
            if (id != null) {
                project.unverified.put(id, amount);
            }
        }

        private void verify(OwnProject project) throws IOException, InterruptedException {
            Map.Entry<String, Integer> arrival = project.unverified.entrySet().iterator().next();
            project.unverified.remove(arrival.getKey());
            String body = "{\"verifiedAmount\":{\"amount\":\"%d\",\"currency\":\"CNY\"},"
                    + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"LT-%s\"}}";
            timed("verification", "verifier", "/api/projects/" + project.id + "/capital-arrivals/" + arrival.getKey()
                    + "/verification", body.formatted(arrival.getValue(), arrival.getKey().substring(0, 8)));
        }

        private void activity() throws IOException, InterruptedException {
            String[] kinds = {"COMPANY_VISIT", "INVESTOR_INSPECTION", "PROMOTION_EVENT", "OUTBOUND_TRIP"};
            String body = "{\"unitId\":\"%s\",\"kind\":\"%s\",\"subject\":\"走访负载测试科技有限公司\",\"occurredOn\":\"%s\"}"
                    .formatted(districts.get(random.nextInt(districts.size())), kinds[random.nextInt(kinds.length)],
                            today.minusDays(random.nextInt(300)));
            timed("activity", "front", "/api/activities", body);
        }

        private HttpResponse<String> timed(String kind, String user, String path, String body)
                throws IOException, InterruptedException {
            long started = System.nanoTime();
            HttpResponse<String> answer = post(user, path, body);
            long elapsed = System.nanoTime() - started;
            if (started >= measureFrom) {
                if (answer.statusCode() / 100 == 2) {
                    latencies.computeIfAbsent(kind, k -> new Latencies()).record(elapsed);
                } else {
                    error(kind, answer);
                }
            }
            return answer;
        }
    }

    /** A project a client owns: its next step, its latest date, its unverified arrivals. */
    private static final class OwnProject {
        final String id;
        LocalDate latest;
        int stage;
        final Map<String, Integer> unverified = new java.util.LinkedHashMap<>();

        OwnProject(String id, LocalDate leadOn) {
            this.id = id;
            this.latest = leadOn;
        }

        LocalDate next() {
            latest = latest.plusDays(3);
            return latest;
        }
    }

    // ---------------------------------------------------------------- queries

    private Report queries(int concurrency, int duration, int warmup, Options options) throws Exception {
        String root = options.get("root-unit", ROOT_UNIT);
        String peerGroup = options.get("peer-group", "district");
        String from = options.get("from", LocalDate.now().getYear() - 1 + "-01-01");
        String to = options.get("to", LocalDate.now().getYear() + "-12-31");
        String campaign = options.get("campaign", null);
        if (campaign == null) {
            HttpResponse<String> list = get("leader", "/api/campaigns");
            campaign = idOf(list);
            if (campaign == null) {
                throw new IllegalStateException("no campaign to read (define one or pass --campaign=): " + list.body());
            }
        }
        String[][] reads = {
                {"rankings", "/api/rankings?peerGroup=" + peerGroup + "&from=" + from + "&to=" + to},
                {"campaign-progress", "/api/campaigns/" + campaign + "/progress"},
                {"conversion", "/api/conversion?unitId=" + root + "&from=" + from + "&to=" + to},
        };
        for (String[] read : reads) {
            HttpResponse<String> answer = get("leader", read[1]);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(read[1] + " answers " + answer.statusCode() + ": " + answer.body());
            }
        }
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        List<Map<String, Latencies>> perWorker = run(concurrency, worker -> {
            Map<String, Latencies> latencies = new TreeMap<>();
            int turn = worker;
            while (System.nanoTime() < end) {
                String[] read = reads[turn++ % reads.length];
                long started = System.nanoTime();
                HttpResponse<String> answer = get("leader", read[1]);
                long elapsed = System.nanoTime() - started;
                if (started >= measureFrom) {
                    if (answer.statusCode() == 200) {
                        latencies.computeIfAbsent(read[0], k -> new Latencies()).record(elapsed);
                    } else {
                        error(read[0], answer);
                    }
                }
            }
            return latencies;
        });
        return merge(perWorker, duration, null, null);
    }

    // ---------------------------------------------------------------- plumbing

    interface Worker {
        Map<String, Latencies> run(int worker) throws Exception;
    }

    private static List<Map<String, Latencies>> run(int concurrency, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Map<String, Latencies>>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                int index = i;
                futures.add(pool.submit(() -> worker.run(index)));
            }
            List<Map<String, Latencies>> results = new ArrayList<>();
            for (Future<Map<String, Latencies>> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Report merge(List<Map<String, Latencies>> perWorker, int duration, Long before, Long after) {
        Map<String, Latencies> byKind = new TreeMap<>();
        Latencies all = new Latencies();
        for (Map<String, Latencies> worker : perWorker) {
            worker.forEach((kind, latencies) -> {
                byKind.computeIfAbsent(kind, k -> new Latencies()).addAll(latencies);
                all.addAll(latencies);
            });
        }
        return new Report(byKind, all, duration, before, after);
    }

    private void error(String kind, HttpResponse<String> answer) {
        String key = kind + " " + answer.statusCode();
        errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        errorSamples.putIfAbsent(key, answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body());
    }

    private HttpResponse<String> post(String user, String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization.get(user))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization.get(user))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String idOf(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            return null;
        }
        Matcher matcher = ID.matcher(answer.body());
        return matcher.find() ? matcher.group(1) : null;
    }
}
