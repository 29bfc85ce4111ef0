package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.query.campaign.CampaignProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every leaders' read (rankings, campaign progress, conversion) runs in one read-only repeatable-read transaction, so
 * all its statements see the same committed state of the views, and its answer is kept in memory with the
 * <em>position of the views</em> it was computed from: the tracking tokens of the processing groups that write the
 * tables it reads ({@code leader-views}, {@code campaign-views}), read first, in the same snapshot, plus the clock's
 * day (the colours and expected progress depend on it). The same request asked again is answered from memory only
 * while those tokens and the day are unchanged: a view row and its token commit in one transaction, so unchanged
 * tokens mean unchanged rows, and any event the views handle (or a reset) moves a token and sends the next request
 * to the database again. Whether a kept answer still holds is checked with that one token query, outside a
 * transaction; only a request computed again opens the snapshot.
 * <p>
 * At most {@code ledger.query.leader-reads.cache-size} requests are kept (least recently used first out; 0 turns
 * the memory off, every read is computed). Counted in {@code ledger.query.leader.reads} (tag {@code answer}:
 * {@code memory} or {@code computed}).
 */
@Component
public class LeaderViewsReads {

    /** The processing groups whose tables the leaders' reads use. */
    static final List<String> GROUPS = List.of(LeaderViewsProjection.GROUP, CampaignProjection.GROUP);

    private record Kept(byte[] position, LocalDate day, Object answer) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final int capacity;
    private final Map<Object, Kept> kept;
    private final Counter fromMemory;
    private final Counter computed;

    public LeaderViewsReads(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                            MeterRegistry registry,
                            @Value("${ledger.query.leader-reads.cache-size:256}") int capacity) {
        if (capacity < 0) {
            throw new IllegalStateException("ledger.query.leader-reads.cache-size must be 0 or more, is " + capacity);
        }
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Kept> eldest) {
                return size() > LeaderViewsReads.this.capacity;
            }
        };
        this.fromMemory = Counter.builder("ledger.query.leader.reads").tag("answer", "memory")
                .description("leaders' reads answered from memory (views unchanged since the same request)")
                .register(registry);
        this.computed = Counter.builder("ledger.query.leader.reads").tag("answer", "computed")
                .description("leaders' reads computed from the views").register(registry);
    }

    /**
     * The answer to {@code request} (a value with equals/hashCode naming everything the answer depends on besides the
     * views and the day), computed by {@code compute} in one snapshot of the views unless the same request was
     * answered from the same position of the views on the same day. The answer must not be changed by its users.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(Object request, Supplier<T> compute) {
        if (capacity == 0) {
            computed.increment();
            return snapshot.execute(status -> computeWithCustomPlans(compute));
        }
        // A kept answer is checked with one statement, outside any transaction: the tokens read now equal to those the
        // answer was computed at mean the views have not changed since.
        Object remembered = remembered(request, position(), LocalDate.now(clock));
        if (remembered != null) {
            fromMemory.increment();
            return (T) remembered;
        }
        return snapshot.execute(status -> {
            byte[] position = position();
            LocalDate day = LocalDate.now(clock);
            Object again = remembered(request, position, day);
            if (again != null) {
                fromMemory.increment();
                return (T) again;
            }
            T answer = computeWithCustomPlans(compute);
            computed.increment();
            synchronized (kept) {
                kept.put(request, new Kept(position, day, answer));
            }
            return answer;
        });
    }

    /** The answer kept for {@code request} if it was computed at this position of the views on this day, else null. */
    private Object remembered(Object request, byte[] position, LocalDate day) {
        Kept previous;
        synchronized (kept) {
            previous = kept.get(request);
        }
        return previous != null && previous.day().equals(day) && Arrays.equals(previous.position(), position)
                ? previous.answer() : null;
    }

    /**
     * The reads' statements planned for their own parameters: the driver prepares a statement on the server after a
     * few runs, and PostgreSQL's generic plan for it then guesses a handful of rows where a province's root has
     * thousands (at 10^6 events: the conversion's funnel 21 ms instead of 3-5, its cohort statement 159 ms with nested
     * loops instead of 107 with hash joins, before V120).
     */
    private <T> T computeWithCustomPlans(Supplier<T> compute) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        return compute.get();
    }

    /** The tokens of the groups, every segment, each with its length, in one byte string (in this transaction's snapshot). */
    private byte[] position() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        jdbc.sql("SELECT processorname, segment, token FROM tokenentry WHERE processorname IN (:groups)"
                        + " ORDER BY processorname, segment")
                .param("groups", GROUPS)
                .query(rs -> {
                    byte[] token = rs.getBytes(3);
                    out.writeBytes((rs.getString(1) + '/' + rs.getInt(2) + '/' + (token == null ? -1 : token.length) + '=')
                            .getBytes(StandardCharsets.UTF_8));
                    if (token != null) {
                        out.writeBytes(token);
                    }
                });
        return out.toByteArray();
    }

    /** Forgets every kept answer. */
    public void clear() {
        synchronized (kept) {
            kept.clear();
        }
    }
}
