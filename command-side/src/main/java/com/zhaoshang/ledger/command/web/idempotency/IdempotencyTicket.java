package com.zhaoshang.ledger.command.web.idempotency;

import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The claim a request holds on its {@code (owner, key)} idempotency record while its command runs. The token tells
 * the claim apart from a later takeover of the same key, so only the holder can complete or release the record.
 */
public record IdempotencyTicket(String owner, String key, String token) {

    static final String OWNER = "idempotencyOwner";
    static final String KEY = "idempotencyKey";
    static final String TOKEN = "idempotencyToken";
    static final String FINGERPRINT = "idempotencyFingerprint";

    public IdempotencyTicket {
        Objects.requireNonNull(owner, "owner is required");
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(token, "token is required");
    }

    public Map<String, String> asMetaData() {
        return Map.of(OWNER, owner, KEY, key, TOKEN, token);
    }

    /** A new claim of {@code key} by {@code owner}, made good in the command's transaction. */
    public static IdempotencyTicket newClaim(String owner, String key) {
        return new IdempotencyTicket(owner, key, UUID.randomUUID().toString());
    }

    /** The ticket and the request's fingerprint, as a command's metadata. */
    public Map<String, String> asMetaData(String fingerprint) {
        return Map.of(OWNER, owner, KEY, key, TOKEN, token, FINGERPRINT, fingerprint);
    }

    /** The fingerprint of the request a command was sent for, or null. */
    public static String fingerprintFrom(MetaData metaData) {
        Object fingerprint = metaData.get(FINGERPRINT);
        return fingerprint == null ? null : fingerprint.toString();
    }

    /** The ticket a command carries, or null when it was sent without an Idempotency-Key. */
    public static IdempotencyTicket fromMetaData(MetaData metaData) {
        Object owner = metaData.get(OWNER);
        Object key = metaData.get(KEY);
        Object token = metaData.get(TOKEN);
        if (owner == null || key == null || token == null) {
            return null;
        }
        return new IdempotencyTicket(owner.toString(), key.toString(), token.toString());
    }
}
