package com.zhaoshang.ledger.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The canonical forms of the tamper evidence (docs/AUDIT.md, "Canonical forms"), shared by the writer (the command
 * side's event storage engine and sealer) and every verifier (the query side's integrity check and the command-line
 * verifier), so both compute the very same bytes.
 * <p>
 * Every field is length-prefixed: a 4-byte big-endian length followed by the bytes; {@code null} is the length -1
 * and no bytes. Numbers are 8-byte big-endian. Text is UTF-8. The first field names the form and its version.
 * <p>
 * An instance holds a {@link MessageDigest} and is not thread-safe; make one per thread.
 */
public final class EventChainHash {

    /** The hash length in bytes (SHA-256). */
    public static final int LENGTH = 32;
    /** The previous hash of a stream's first event and of the first seal. */
    public static final byte[] GENESIS = new byte[LENGTH];
    public static final String EVENT_FORM = "zhaoshang-ledger/event-chain/v1";
    public static final String SEAL_FORM = "zhaoshang-ledger/event-seal/v1";

    private static final byte[] EVENT_FORM_BYTES = EVENT_FORM.getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEAL_FORM_BYTES = SEAL_FORM.getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final byte[] number = new byte[8];

    public EventChainHash() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The hash of one stored event, exactly as its row holds it, chained to the previous event of its stream. */
    public byte[] eventHash(String aggregateIdentifier, long sequenceNumber, String aggregateType,
                            String eventIdentifier, String payloadType, String payloadRevision,
                            byte[] payload, byte[] metaData, String timestamp, byte[] previousHash) {
        return eventHash(utf8(aggregateIdentifier), sequenceNumber, utf8(aggregateType), utf8(eventIdentifier),
                utf8(payloadType), utf8(payloadRevision), payload, metaData, utf8(timestamp), previousHash);
    }

    /**
     * The same hash from the UTF-8 bytes of the text fields, as a verifier reads them from the database without
     * decoding them to strings.
     */
    public byte[] eventHash(byte[] aggregateIdentifier, long sequenceNumber, byte[] aggregateType,
                            byte[] eventIdentifier, byte[] payloadType, byte[] payloadRevision,
                            byte[] payload, byte[] metaData, byte[] timestamp, byte[] previousHash) {
        digest.reset();
        field(EVENT_FORM_BYTES);
        field(aggregateIdentifier);
        int64(sequenceNumber);
        field(aggregateType);
        field(eventIdentifier);
        field(payloadType);
        field(payloadRevision);
        field(payload);
        field(metaData);
        field(timestamp);
        field(previousHash);
        return digest.digest();
    }

    /** The hash of the seal of the event at {@code globalIndex}, chained to the previous seal. */
    public byte[] sealHash(long globalIndex, byte[] eventHash, byte[] previousSealHash) {
        digest.reset();
        field(SEAL_FORM_BYTES);
        int64(globalIndex);
        field(eventHash);
        field(previousSealHash);
        return digest.digest();
    }

    /** The text a checkpoint's HMAC signs: form, sealed count, head global index, head seal hash (hex), time. */
    public static String checkpointText(long sealedCount, long headGlobalIndex, byte[] headSealHash, String createdAt) {
        return "zhaoshang-ledger/checkpoint/v1\n" + sealedCount + "\n" + headGlobalIndex + "\n"
                + hex(headSealHash) + "\n" + createdAt;
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return hex == null ? null : HEX.parseHex(hex);
    }

    public static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private void field(byte[] value) {
        if (value == null) {
            int32(-1);
            return;
        }
        int32(value.length);
        digest.update(value);
    }

    private void int32(int value) {
        number[0] = (byte) (value >>> 24);
        number[1] = (byte) (value >>> 16);
        number[2] = (byte) (value >>> 8);
        number[3] = (byte) value;
        digest.update(number, 0, 4);
    }

    private void int64(long value) {
        for (int i = 7; i >= 0; i--) {
            number[i] = (byte) value;
            value >>>= 8;
        }
        digest.update(number, 0, 8);
    }
}
