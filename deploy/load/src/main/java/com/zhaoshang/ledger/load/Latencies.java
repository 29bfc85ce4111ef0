package com.zhaoshang.ledger.load;

import java.util.Arrays;

/**
 * Exact latencies of one kind of request, in nanoseconds: every sample is kept (a few hundred thousand longs for a
 * minute of load), sorted once, and percentiles are read by the nearest-rank method. Not thread-safe: each worker
 * records into its own and they are merged at the end.
 */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.samples[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The nearest-rank percentile (0 &lt; p ≤ 100) in nanoseconds: the smallest sample with at least p% at or below it. */
    public long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        if (count == 0) {
            return 0;
        }
        long[] sorted = sorted();
        // p × n / 100 in floating point may land a hair above an integer (99.9 × 1000 / 100 = 999.0000000000001)
        int rank = (int) Math.ceil(p * count / 100.0 - 1e-9);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long max() {
        return count == 0 ? 0 : sorted()[count - 1];
    }

    public double meanNanos() {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return sum / count;
    }

    private long[] sorted;
    private int sortedCount = -1;

    private long[] sorted() {
        if (sortedCount != count) {
            sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            sortedCount = count;
        }
        return sorted;
    }

    /** {@code n=… p50=… p95=… p99=… p99.9=… max=…} in milliseconds with two decimals. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.2fms p95=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms",
                count, ms(percentile(50)), ms(percentile(95)), ms(percentile(99)), ms(percentile(99.9)), ms(max()));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
