package com.zhaoshang.ledger.load;

import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.CommandSideApplication;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Loading a Project with a long history (docs/PERFORMANCE.md): for each history length ({@code --lengths}, events
 * per stream: a lead, a negotiation, a signing, then capital arrivals) it appends one fresh project through the
 * event store, then loads it through the command side's repository {@code --loads} times, each in its own unit of
 * work as a command would (read the newest snapshot, then the events after it). The first load reads the whole
 * stream and, past the snapshot threshold, causes a snapshot after its commit (the configured trigger, as a command's
 * load would); the rest start from the snapshot, after {@code --warmup-loads} unmeasured loads (the JIT compiles the
 * load path during those, as in any JVM benchmark). The snapshot holds the aggregate's whole state, including every
 * capital arrival (one compact string): its size is printed, and the loading thread's CPU time per load (a figure
 * that does not depend on what else the machine runs).
 * <pre>
 * java -cp … com.zhaoshang.ledger.load.AggregateLoadBenchmark --jdbc-url=… --db-user=ledger \
 *      [--lengths=10,100,1000,10000] [--loads=500] [--warmup-loads=100]
 * </pre>
 */
public final class AggregateLoadBenchmark {

    private AggregateLoadBenchmark() {
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
        int loads = options.getInt("loads", 500);
        int warmupLoads = options.getInt("warmup-loads", 100);
        String[] lengths = options.get("lengths", "10,100,1000,10000").split(",");
        try (ConfigurableApplicationContext context = Benchmarks.start(CommandSideApplication.class, options,
                "ledger.audit.sealer.enabled=false")) {
            EventStore store = context.getBean(EventStore.class);
            TransactionManager transactions = context.getBean(TransactionManager.class);
            Repository<?> repository = context.getBean("projectRepository", Repository.class);
            String threshold = context.getEnvironment().getProperty("ledger.snapshots.project-threshold");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.println("== aggregate load: a Project with a long history (snapshot threshold " + threshold + "; "
                    + warmupLoads + " unmeasured loads, then " + loads + " measured, per length) ==");
            for (String text : lengths) {
                int length = Integer.parseInt(text.strip());
                String id = UUID.randomUUID().toString();
                append(store, transactions, id, length);
                long first = load(repository, id);
                for (int i = 0; i < warmupLoads; i++) {
                    load(repository, id);
                }
                Latencies latencies = new Latencies();
                Latencies cpu = new Latencies();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < loads; i++) {
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    latencies.record(load(repository, id));
                    cpu.record(threads.getCurrentThreadCpuTime() - cpuBefore);
                }
                Map<String, Object> snapshot = jdbc.queryForMap("""
                        SELECT max(sequencenumber) AS at, max(length(payload)) AS bytes FROM snapshotevententry
                        WHERE aggregateidentifier = ? AND sequencenumber = (SELECT max(sequencenumber) FROM snapshotevententry
                            WHERE aggregateidentifier = ?)""", id, id);
                Object snapshotAt = snapshot.get("at");
                System.out.printf(Locale.ROOT, "  %6d events: first load %.2f ms (whole stream), then %s (snapshot at %s)%n",
                        length, Latencies.ms(first), latencies.summary(),
                        snapshotAt == null ? "none" : "sequence " + snapshotAt + ", " + snapshot.get("bytes") + " bytes");
                System.out.printf(Locale.ROOT, "         CPU time of the loading thread per load: p50 %.2f ms, p99 %.2f ms%n",
                        Latencies.ms(cpu.percentile(50)), Latencies.ms(cpu.percentile(99)));
                System.out.printf(Locale.ROOT, "FIGURES aggregate events=%d first_ms=%.2f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f"
                                + " cpu_p50_ms=%.2f cpu_p99_ms=%.2f snapshot_bytes=%s%n",
                        length, Latencies.ms(first), Latencies.ms(latencies.percentile(50)),
                        Latencies.ms(latencies.percentile(99)), Latencies.ms(latencies.percentile(99.9)),
                        Latencies.ms(cpu.percentile(50)), Latencies.ms(cpu.percentile(99)),
                        snapshot.get("bytes") == null ? "none" : snapshot.get("bytes"));
            }
            System.out.println("machine      " + Benchmarks.machine());
        }
    }

    private static long load(Repository<?> repository, String id) {
        long start = System.nanoTime();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            repository.load(id);
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        return System.nanoTime() - start;
    }

    private static void append(EventStore store, TransactionManager transactions, String id, int length) {
        LocalDate on = LocalDate.of(2024, 1, 8);
        String first17 = "91360802MA" + String.format("%07d", Math.abs(id.hashCode()) % 10_000_000);
        List<Object> payloads = new ArrayList<>();
        payloads.add(new LeadRegisteredEvent(id, "长历史项目", new UnitId("360802"),
                new Investor("江西长历史材料有限公司", new CreditCode(first17 + CreditCode.checkCharacterFor(first17)), null, InvestorKind.PRIVATE),
                new IndustryCode("C3011"), Channel.DOOR_TO_DOOR, new Money(new BigDecimal("120000000"), Currency.CNY), on));
        payloads.add(new NegotiationStartedEvent(id, on.plusDays(10)));
        payloads.add(new ProjectSignedEvent(id, new Money(new BigDecimal("92900000.00"), Currency.CNY), "签约会",
                new ResponsibleLeader("张伟", "副区长", null), on.plusDays(20)));
        for (int i = payloads.size(); i < length; i++) {
            payloads.add(new CapitalArrivedEvent(id, UUID.randomUUID().toString(),
                    new Money(BigDecimal.valueOf(100_000L + i), Currency.CNY), false, on.plusDays(30)));
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int sequence = 0; sequence < length; sequence++) {
            batch.add(new GenericDomainEventMessage<>("Project", id, sequence, payloads.get(sequence),
                    Map.of("userId", "front", "role", "FRONT_OFFICE", "unitId", "360802")));
            if (batch.size() == 1000 || sequence == length - 1) {
                List<DomainEventMessage<?>> events = List.copyOf(batch);
                transactions.executeInTransaction(() -> store.publish(events));
                batch.clear();
            }
        }
    }
}
