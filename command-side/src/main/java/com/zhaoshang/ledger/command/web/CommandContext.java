package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.api.value.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything about a command request that is not its body's fields: who sends it, where, the raw body (for the
 * idempotency fingerprint), the {@code Idempotency-Key} and the {@code If-Match} version. Controllers declare it as a
 * parameter; {@link CommandContextResolver} builds it from the authenticated principal and the headers.
 *
 * @param pathNamesTarget whether the path names the aggregate the command is for ({@code /api/projects/{id}/…}):
 *                        an unknown reference is then a 404, not a 422
 */
public record CommandContext(Actor actor, String method, String path, byte[] body, String idempotencyKey,
                             Long expectedVersion, boolean pathNamesTarget) {

    /** SHA-256 over the method, the path and the raw request body, in hex. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(method.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public boolean hasIdempotencyKey() {
        return idempotencyKey != null;
    }
}
