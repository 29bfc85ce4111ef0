package com.zhaoshang.ledger.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        Latencies latencies = new Latencies();
        for (int i = 1000; i >= 1; i--) {
            latencies.record(i * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentile(50)).isEqualTo(500_000_000L);
        assertThat(latencies.percentile(95)).isEqualTo(950_000_000L);
        assertThat(latencies.percentile(99)).isEqualTo(990_000_000L);
        assertThat(latencies.percentile(99.9)).isEqualTo(999_000_000L);
        assertThat(latencies.percentile(100)).isEqualTo(1_000_000_000L);
        assertThat(latencies.max()).isEqualTo(1_000_000_000L);
        assertThat(latencies.meanNanos()).isEqualTo(500_500_000.0);
    }

    @Test
    void aSmallSampleAnswersItsLargestForHighPercentiles() {
        Latencies latencies = new Latencies();
        latencies.record(3);
        latencies.record(1);
        latencies.record(2);
        assertThat(latencies.percentile(1)).isEqualTo(1);
        assertThat(latencies.percentile(50)).isEqualTo(2);
        assertThat(latencies.percentile(99.9)).isEqualTo(3);
    }

    @Test
    void mergingKeepsEverySampleAndResortsAfterNewOnes() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            a.record(10);
            b.record(20);
        }
        assertThat(a.percentile(99)).isEqualTo(10);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(6000);
        assertThat(a.percentile(50)).isEqualTo(10);
        assertThat(a.percentile(51)).isEqualTo(20);
        assertThat(a.summary()).startsWith("n=6000 p50=0.00ms");
    }

    @Test
    void emptyAnswersZeroAndNonsensePercentilesAreRefused() {
        Latencies empty = new Latencies();
        assertThat(empty.percentile(99)).isZero();
        assertThat(empty.max()).isZero();
        assertThatThrownBy(() -> empty.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> empty.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
