package com.zhaoshang.ledger.load;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionCompletedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProductionStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.project.ResponsibleLeaderAssignedEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.command.CommandSideApplication;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Fills the ledger with a realistic province (docs/PERFORMANCE.md): a city with districts and towns, projects that
 * live for months or years (lead → … → production, abandonments, capital arrivals and their verification, leader
 * changes), activities, and one campaign per year — {@code --events} events (10⁶ by default) spread over
 * {@code --from}..today, in the order they happened.
 * <p>
 * The bulk path: the same events the commands would record (the vocabulary's records, with the actor metadata
 * every command carries), appended through Axon's {@link EventStore} in the command side's own context, in
 * transactions of {@code --batch} events. So they are serialised by the same Jackson serializer and chained by the
 * same {@code ChainingJdbcEventStorageEngine}, and the command side's subscribing processors (unit directory, lead
 * claims, campaign windows) keep their tables in the same transactions. Not done by the bulk path: the rule
 * deadlines (db-scheduler) a signing schedules — the supervision rules do not fire for generated projects.
 * <pre>
 * java -cp … com.zhaoshang.ledger.load.ProvinceGenerator --jdbc-url=jdbc:postgresql://localhost:5432/ledger \
 *      --db-user=ledger [--events=1000000] [--districts=24] [--from=2019-01-01] [--batch=1000] [--seed=8]
 * </pre>
 */
public final class ProvinceGenerator {

    static final String CITY = "368000";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] INDUSTRIES = {"C3011", "C3841", "C3985", "C2614", "C2710", "C3670", "I6510", "M7320", "G5810", "C1369"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    private static final String[] PRODUCTS = {"新材料", "锂电池", "电子信息", "生物医药", "智能装备", "绿色食品", "光伏组件", "数字经济", "汽车零部件", "现代物流"};

    private final Random random;
    private final LocalDate from;
    private final LocalDate today;
    private final List<String> districts = new ArrayList<>();
    private final List<String> towns = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final Map<String, Long> sequences = new java.util.HashMap<>();
    private long order;
    private long projects;

    ProvinceGenerator(long seed, LocalDate from, LocalDate today, int districtCount) {
        this.random = new Random(seed);
        this.from = from;
        this.today = today;
        for (int d = 1; d <= districtCount; d++) {
            String district = String.format("3680%02d", d);
            districts.add(district);
            for (int t = 1; t <= 3; t++) {
                towns.add(district + String.format("%03d", t));
            }
        }
    }

    /** One event to be appended: its stream, payload, actor, and the day it happened. */
    record Pending(LocalDate on, long order, String type, String aggregate, Object payload,
                   String userId, String role, String unitId) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byDate = on.compareTo(other.on);
            return byDate != 0 ? byDate : Long.compare(order, other.order);
        }
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
        long events = options.getLong("events", 1_000_000);
        int batch = options.getInt("batch", 1000);
        LocalDate today = LocalDate.now(SHANGHAI);
        ProvinceGenerator generator = new ProvinceGenerator(options.getLong("seed", 8), LocalDate.parse(
                options.get("from", "2019-01-01")), today, options.getInt("districts", 24));
        try (ConfigurableApplicationContext context = Benchmarks.start(CommandSideApplication.class, options,
                "ledger.audit.sealer.enabled=false")) {
            EventStore store = context.getBean(EventStore.class);
            TransactionManager transactions = context.getBean(TransactionManager.class);
            List<DomainEventMessage<?>> buffer = new ArrayList<>(batch);
            long start = System.nanoTime();
            long[] written = {0};
            long[] lastReport = {start};
            generator.generate(events, event -> {
                buffer.add(event);
                if (buffer.size() == batch) {
                    flush(store, transactions, buffer);
                    written[0] += batch;
                    if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                        lastReport[0] = System.nanoTime();
                        System.out.printf(Locale.ROOT, "  … %d events, %.0f events/s%n", written[0],
                                written[0] / ((System.nanoTime() - start) / 1e9));
                    }
                }
            });
            written[0] += buffer.size();
            flush(store, transactions, buffer);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("== generator: a province through the event store ==");
            System.out.printf(Locale.ROOT, "generated    %d events (%d projects, %d districts, %d towns) from %s to %s%n",
                    written[0], generator.projects, generator.districts.size(), generator.towns.size(), generator.from, today);
            System.out.printf(Locale.ROOT, "took         %.1f s = %.0f events/s (batches of %d)%n", seconds, written[0] / seconds, batch);
            System.out.println("machine      " + Benchmarks.machine());
            System.out.printf(Locale.ROOT, "FIGURES generator events=%d seconds=%.1f events_per_s=%.0f%n",
                    written[0], seconds, written[0] / seconds);
        }
    }

    private static void flush(EventStore store, TransactionManager transactions, List<DomainEventMessage<?>> buffer) {
        if (!buffer.isEmpty()) {
            List<DomainEventMessage<?>> events = List.copyOf(buffer);
            transactions.executeInTransaction(() -> store.publish(events));
            buffer.clear();
        }
    }

    interface Sink {
        void accept(DomainEventMessage<?> event);
    }

    /** Emits {@code target} events in the order they happened (by day), then stops. */
    void generate(long target, Sink sink) {
        long emitted = 0;
        LocalDate first = from.minusDays(1);
        emitted += emitNow(sink, unit(CITY, null, "招商示范市", UnitKind.CITY, "city", first));
        for (String district : districts) {
            emitted += emitNow(sink, unit(district, CITY, "示范" + district.substring(4) + "区", UnitKind.DISTRICT, "district", first));
        }
        for (String town : towns) {
            emitted += emitNow(sink, unit(town, town.substring(0, 6), "示范" + town.substring(6) + "镇", UnitKind.TOWN, "town", first));
        }
        long days = ChronoUnit.DAYS.between(from, today);
        double eventsPerLead = 6.4;
        double leadsPerDay = target * 0.7 / eventsPerLead / days;
        double activitiesPerDay = target * 0.3 / days;
        for (LocalDate day = from; !day.isAfter(today) && emitted < target; day = day.plusDays(1)) {
            if (day.getDayOfYear() == 1) {
                pending.add(campaign(day));
            }
            boolean workday = day.getDayOfWeek().getValue() <= 5;
            int leads = poisson(workday ? leadsPerDay * 7 / 5 : 0);
            for (int i = 0; i < leads; i++) {
                life(day);
            }
            int activities = poisson(workday ? activitiesPerDay * 7 / 5 : 0);
            for (int i = 0; i < activities; i++) {
                pending.add(activity(day));
            }
            while (!pending.isEmpty() && !pending.peek().on().isAfter(day) && emitted < target) {
                sink.accept(message(pending.poll()));
                emitted++;
            }
        }
    }

    private int emitNow(Sink sink, Pending event) {
        sink.accept(message(event));
        return 1;
    }

    private int poisson(double mean) {
        int whole = (int) mean;
        return whole + (random.nextDouble() < mean - whole ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0)
                - (whole > 0 && random.nextInt(10) == 0 ? 1 : 0);
    }

    /** A project's whole life from its lead on {@code day}: each fact queued for the day it happens. */
    private void life(LocalDate day) {
        projects++;
        String id = UUID.nameUUIDFromBytes(("project-" + projects).getBytes()).toString();
        String unit = random.nextInt(3) == 0 ? towns.get(random.nextInt(towns.size())) : districts.get(random.nextInt(districts.size()));
        String district = unit.substring(0, 6);
        String front = "front-" + district;
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String first17 = String.format("91%sMA%07d", district, projects % 10_000_000);
        first17 = first17.substring(0, 17);
        CreditCode code = new CreditCode(first17 + CreditCode.checkCharacterFor(first17));
        String company = "江西" + SURNAMES[random.nextInt(SURNAMES.length)] + "氏" + product + "有限公司" + projects;
        BigDecimal intended = BigDecimal.valueOf(10_000_000L + random.nextInt(2_000) * 1_000_000L);
        LocalDate on = day;
        add(on, id, new LeadRegisteredEvent(id, "年产" + (1 + random.nextInt(50)) + "万吨" + product + "项目",
                new UnitId(unit), new Investor(company, code, null, InvestorKind.PRIVATE),
                new IndustryCode(INDUSTRIES[random.nextInt(INDUSTRIES.length)]),
                Channel.values()[random.nextInt(Channel.values().length)], new Money(intended, Currency.CNY), on), front, "FRONT_OFFICE", district);
        double[] next = {0.70, 0.79, 0.76, 0.90, 0.74, 0.90, 0.56, 0.80};
        int reached = 0;
        while (reached < next.length && random.nextDouble() < next[reached]) {
            reached++;
        }
        for (int step = 1; step <= reached; step++) {
            on = on.plusDays(10 + random.nextInt(80));
            Object payload = switch (step) {
                case 1 -> new NegotiationStartedEvent(id, on);
                case 2 -> new IntentAgreementSignedEvent(id, new Money(intended.multiply(BigDecimal.valueOf(0.9)).setScale(0, java.math.RoundingMode.HALF_UP), Currency.CNY), on);
                case 3 -> new ProjectSignedEvent(id, new Money(intended.multiply(BigDecimal.valueOf(0.85)).setScale(2, java.math.RoundingMode.HALF_UP), Currency.CNY),
                        on.getYear() + "年重大项目集中签约会", new ResponsibleLeader(SURNAMES[random.nextInt(SURNAMES.length)] + "伟", "副区长", null), on);
                case 4 -> new ProjectRegisteredEvent(id, new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "REG-" + projects), on);
                case 5 -> new LandAssignedEvent(id, district + "-" + projects, BigDecimal.valueOf(20 + random.nextInt(300)).add(new BigDecimal("0.5")), on);
                case 6 -> new ConstructionStartedEvent(id, on);
                case 7 -> new ConstructionCompletedEvent(id, on);
                default -> new ProductionStartedEvent(id, on);
            };
            add(on, id, payload, step == 4 ? "verifier-" + district : front, step == 4 ? "VERIFIER" : "FRONT_OFFICE", district);
            if (step == 3) {
                arrivals(id, on, front, district);
                if (random.nextInt(10) == 0) {
                    add(on.plusDays(30), id, new ResponsibleLeaderAssignedEvent(id,
                            new ResponsibleLeader(SURNAMES[random.nextInt(SURNAMES.length)] + "娜", "区长", null), on.plusDays(30)),
                            front, "FRONT_OFFICE", district);
                }
            }
        }
        if (reached < 3 && random.nextInt(10) < 4) {
            LocalDate abandoned = on.plusDays(30 + random.nextInt(200));
            add(abandoned, id, new ProjectAbandonedEvent(id, "投资方战略调整", abandoned), front, "FRONT_OFFICE", district);
        }
    }

    private void arrivals(String id, LocalDate signedOn, String front, String district) {
        int count = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(10);
        LocalDate on = signedOn;
        for (int i = 0; i < count; i++) {
            on = on.plusDays(15 + random.nextInt(100));
            boolean usd = random.nextInt(20) == 0;
            Money amount = new Money(BigDecimal.valueOf(usd ? 100_000L + random.nextInt(5_000) * 1_000L : 1_000_000L + random.nextInt(50_000) * 1_000L),
                    usd ? Currency.USD : Currency.CNY);
            String arrival = UUID.nameUUIDFromBytes((id + "/" + i).getBytes()).toString();
            add(on, id, new CapitalArrivedEvent(id, arrival, amount, usd, on), front, "FRONT_OFFICE", district);
            if (random.nextInt(10) < 8) {
                LocalDate verified = on.plusDays(3 + random.nextInt(27));
                add(verified, id, new CapitalVerifiedEvent(id, arrival, amount, amount,
                        new Evidence(usd ? EvidenceKind.FOREIGN_EXCHANGE_RECORD : EvidenceKind.BANK_RECEIPT, "BR-" + arrival.substring(0, 8)), verified),
                        "verifier-" + district, "VERIFIER", district);
            }
        }
    }

    private void add(LocalDate on, String id, Object payload, String userId, String role, String unitId) {
        if (!on.isAfter(today)) {
            pending.add(new Pending(on, order++, "Project", id, payload, userId, role, unitId));
        }
    }

    private Pending activity(LocalDate day) {
        String unit = districts.get(random.nextInt(districts.size()));
        ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
        String id = UUID.nameUUIDFromBytes(("activity-" + order).getBytes()).toString();
        return new Pending(day, order++, "Activity", id, new ActivityRecordedEvent(id, new UnitId(unit), kind,
                "走访" + PRODUCTS[random.nextInt(PRODUCTS.length)] + "企业", day), "front-" + unit, "FRONT_OFFICE", unit);
    }

    private Pending campaign(LocalDate day) {
        String id = UUID.nameUUIDFromBytes(("campaign-" + day.getYear()).getBytes()).toString();
        List<CampaignTarget> targets = new ArrayList<>();
        for (String district : districts) {
            targets.add(new CampaignTarget(new UnitId(district), Indicator.LEADS_COLLECTED, null, BigDecimal.valueOf(300), null));
            targets.add(new CampaignTarget(new UnitId(district), Indicator.PROJECTS_SIGNED, null, BigDecimal.valueOf(100), null));
            targets.add(new CampaignTarget(new UnitId(district), Indicator.CAPITAL_VERIFIED_CNY, null, BigDecimal.valueOf(2_000_000_000L), Currency.CNY));
        }
        return new Pending(day, order++, "Campaign", id, new CampaignDefinedEvent(id, day.getYear() + "年招商引资竞赛",
                day, day.withDayOfYear(day.lengthOfYear()), targets), "admin", "ADMIN", CITY);
    }

    private Pending unit(String id, String parent, String name, UnitKind kind, String peerGroup, LocalDate on) {
        return new Pending(on, order++, "Unit", id, new UnitRegisteredEvent(new UnitId(id), name, kind,
                parent == null ? null : new UnitId(parent), peerGroup), "admin", "ADMIN", CITY);
    }

    private DomainEventMessage<?> message(Pending event) {
        String identifier = UUID.randomUUID().toString();
        int lag = random.nextInt(30) == 0 ? 10 + random.nextInt(50) : random.nextInt(3);
        Instant recorded = event.on().plusDays(lag).atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60))
                .atZone(SHANGHAI).toInstant().plusMillis(random.nextInt(1000));
        Instant now = Instant.now();
        if (recorded.isAfter(now)) {
            recorded = now.minusSeconds(random.nextInt(3600)).atOffset(ZoneOffset.UTC).toInstant();
        }
        // a stream's sequence follows the order its facts are appended (by day), not the order they were planned
        long sequence = sequences.merge(event.aggregate(), 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>(event.type(), event.aggregate(), sequence, event.payload(),
                Map.of("userId", event.userId(), "role", event.role(), "unitId", event.unitId(),
                        "correlationId", identifier, "traceId", identifier), identifier, recorded);
    }
}
