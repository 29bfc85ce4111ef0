package com.zhaoshang.ledger.api.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventChainHashTest {

    private static final byte[] PAYLOAD = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private final EventChainHash hash = new EventChainHash();

    private byte[] sample(String aggregate, String type, byte[] payload, byte[] metaData) {
        return hash.eventHash(aggregate, 3, "Project", "e-1", type, "1", payload, metaData,
                "2026-03-01T08:00:00Z", EventChainHash.GENESIS);
    }

    /** The values were computed by an independent implementation of docs/AUDIT.md (Python's hashlib). */
    @Test
    void theCanonicalFormsAreTheDocumentedOnes() {
        byte[] event = sample("p-1", "com.example.LeadRegisteredEvent", PAYLOAD, null);
        assertThat(EventChainHash.hex(event))
                .isEqualTo("6fa253aba942a963f2981888415e77f083184cd58aa15228f398a03d24c0e555");
        assertThat(EventChainHash.hex(hash.sealHash(42, event, EventChainHash.GENESIS)))
                .isEqualTo("8fc2d099eb425da5c7514233246286b45e24ca2c187f26111d0487d8b43da03e");
    }

    @Test
    void fieldBoundariesAreKeptByTheLengthPrefixes() {
        assertThat(sample("p-1", "ab", PAYLOAD, null)).isNotEqualTo(sample("p-1a", "b", PAYLOAD, null));
    }

    @Test
    void anAbsentFieldDiffersFromAnEmptyOne() {
        assertThat(sample("p-1", "T", PAYLOAD, null)).isNotEqualTo(sample("p-1", "T", PAYLOAD, new byte[0]));
    }

    @Test
    void oneChangedPayloadByteChangesTheHash() {
        byte[] altered = PAYLOAD.clone();
        altered[5] = '2';
        assertThat(sample("p-1", "T", PAYLOAD, null)).isNotEqualTo(sample("p-1", "T", altered, null));
    }

    @Test
    void theSealDependsOnThePositionInTheGlobalOrder() {
        byte[] event = sample("p-1", "T", PAYLOAD, null);
        assertThat(hash.sealHash(1, event, EventChainHash.GENESIS))
                .isNotEqualTo(hash.sealHash(2, event, EventChainHash.GENESIS));
    }

    @Test
    void aCheckpointSignatureVerifiesOnlyWithItsKeyAndText() {
        String text = EventChainHash.checkpointText(3, 7, EventChainHash.GENESIS, "2026-03-01T08:00:00Z");
        String signature = CheckpointSignature.sign("k1", text);
        assertThat(CheckpointSignature.verify("k1", text, signature)).isTrue();
        assertThat(CheckpointSignature.verify("k2", text, signature)).isFalse();
        assertThat(CheckpointSignature.verify("k1", text.replace("\n3\n", "\n4\n"), signature)).isFalse();
    }
}
