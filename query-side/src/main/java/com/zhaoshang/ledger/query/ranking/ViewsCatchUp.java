package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.query.campaign.CampaignProjection;
import com.zhaoshang.ledger.query.views.LeaderViewsProjection;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the views a ranking reads ({@link #PREREQUISITES}) have processed every event recorded so far: their
 * committed tokens (every segment) reach the store's head, read once when the wait begins. Bounded by
 * {@code ledger.bulletins.views-timeout} (PT30S); past it {@link ViewsBehindException}.
 */
@Component
public class ViewsCatchUp {

    static final List<String> PREREQUISITES = List.of(LeaderViewsProjection.GROUP, CampaignProjection.GROUP);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The views did not catch up with the store within the timeout. */
    public static class ViewsBehindException extends RuntimeException {
        ViewsBehindException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration timeout;

    public ViewsCatchUp(JdbcClient jdbc, Serializer serializer,
                        @Value("${ledger.bulletins.views-timeout:PT30S}") Duration timeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    /** Returns once the views have processed everything recorded until now, or throws {@link ViewsBehindException}. */
    public void await() {
        long head = jdbc.sql("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry").query(Long.class).single();
        // a timeout, not business time: measured on the monotonic timer, never on the (possibly fixed) ledger clock
        long deadline = System.nanoTime() + timeout.toNanos();
        String behind = behind(head);
        while (behind != null) {
            if (System.nanoTime() - deadline >= 0) {
                throw new ViewsBehindException("the views have not processed the events recorded up to position " + head
                        + " within " + timeout + ": " + behind);
            }
            LockSupport.parkNanos(POLL_NANOS);
            behind = behind(head);
        }
    }

    /** The first view whose tokens are behind {@code head}, described; null when all have caught up. */
    private String behind(long head) {
        for (String group : PREREQUISITES) {
            List<Long> positions = jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ?")
                    .param(group)
                    .query((rs, n) -> {
                        byte[] bytes = rs.getBytes("token");
                        if (bytes == null) {
                            return -1L;
                        }
                        TrackingToken t = serializer.deserialize(
                                new SimpleSerializedObject<>(bytes, byte[].class, rs.getString("tokentype"), null));
                        return t == null ? -1L : t.position().orElse(-1);
                    })
                    .list();
            if (head >= 0 && (positions.isEmpty() || positions.stream().anyMatch(p -> p < head))) {
                return group + " (segments at " + positions + ")";
            }
        }
        return null;
    }
}
