package com.zhaoshang.ledger.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildBenchmarkTest {

    @Test
    void theStoredTokensPositionIsTheCurrentTokensIndex() {
        String replay = "{\"tokenAtReset\":{\"@class\":\"org.axonframework.eventhandling.GapAwareTrackingToken\",\"index\":30000,"
                + "\"gaps\":[]},\"currentToken\":{\"@class\":\"org.axonframework.eventhandling.GapAwareTrackingToken\","
                + "\"index\":1200,\"gaps\":[1188]},\"context\":null}";
        String plain = "{\"index\" : 42,\"gaps\":[]}";
        assertThat(RebuildBenchmark.position(replay)).isEqualTo(1200);
        assertThat(RebuildBenchmark.position(plain)).isEqualTo(42);
        assertThat(RebuildBenchmark.position("{\"tokenAtReset\":null}")).isEqualTo(-1);
        String replayNotStarted = "{\"tokenAtReset\":{\"@class\":\"org.axonframework.eventhandling.GapAwareTrackingToken\","
                + "\"index\":20000,\"gaps\":[]}}";
        assertThat(RebuildBenchmark.position(replayNotStarted)).isEqualTo(-1);
    }
}
