package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.value.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact form of a project's capital arrivals answers as a map of arrival id → arrival would. */
class CapitalArrivalsTest {

    private static final LocalDate ON = LocalDate.of(2024, 2, 7);

    @Test
    void answersAsAMapOfArrivalsWouldOnARandomHistoryAndAfterAnEncodingRoundTrip() {
        Random random = new Random(42);
        Map<String, CapitalArrivals.Arrival> expected = new LinkedHashMap<>();
        CapitalArrivals arrivals = new CapitalArrivals();
        String[] odd = {"", ":", "1:", ";", "\n", ",", "12:ab;c,0", "甲-1", "a b", "\"\\"};
        for (int i = 0; i < 3_000; i++) {
            String id = (i < odd.length ? odd[i] : "") + i;
            if (random.nextInt(4) == 0 && !expected.isEmpty()) {
                String verified = expected.keySet().stream().skip(random.nextInt(expected.size())).findFirst().orElseThrow();
                CapitalArrivals.Arrival before = expected.get(verified);
                expected.put(verified, new CapitalArrivals.Arrival(before.reported(), before.occurredOn(), true));
                arrivals.markVerified(verified);
            }
            Money reported = random.nextBoolean() ? Money.cny(random.nextInt(1_000_000) + "." + random.nextInt(10))
                    : Money.usd(String.valueOf(random.nextInt(1_000_000) + 1));
            LocalDate occurredOn = ON.plusDays(random.nextInt(900));
            expected.put(id, new CapitalArrivals.Arrival(reported, occurredOn, false));
            arrivals.add(id, reported, occurredOn);
            if (i == 1_000) {
                arrivals = CapitalArrivals.decode(arrivals.encoded()); // as from a snapshot: no index yet
            }
        }
        CapitalArrivals read = CapitalArrivals.decode(arrivals.encoded());

        for (CapitalArrivals answering : new CapitalArrivals[] {arrivals, read}) {
            expected.forEach((id, arrival) -> {
                assertThat(answering.contains(id)).as(id).isTrue();
                assertThat(answering.find(id)).as(id).contains(arrival);
            });
            assertThat(answering.contains("3000")).isFalse();
            assertThat(answering.find("nope")).isEmpty();
            assertThat(answering.find(null)).isEmpty();
        }
        assertThat(read).isEqualTo(arrivals).hasSameHashCodeAs(arrivals);
    }

    @Test
    void keepsTheAmountAsReportedToTheLastDecimalAndTheVerificationOfOneArrivalOnly() {
        CapitalArrivals arrivals = new CapitalArrivals();
        arrivals.add("a", Money.cny("100.50"), ON);
        arrivals.add("b", Money.cny("100.50"), ON);
        arrivals.markVerified("b");
        arrivals.markVerified("unknown");

        assertThat(arrivals.find("a")).contains(new CapitalArrivals.Arrival(Money.cny("100.50"), ON, false));
        assertThat(arrivals.find("a").orElseThrow().reported().amount().scale()).isEqualTo(2);
        assertThat(arrivals.find("b")).contains(new CapitalArrivals.Arrival(Money.cny("100.50"), ON, true));
        assertThat(arrivals).isNotEqualTo(CapitalArrivals.decode(arrivals.encoded().replace("1,", "0,")));
    }
}
