package com.zhaoshang.ledger.api.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** HMAC-SHA256 over {@link EventChainHash#checkpointText}, hex-encoded; the key is configuration, never in the log. */
public final class CheckpointSignature {

    private CheckpointSignature() {
    }

    public static String sign(String key, String checkpointText) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return EventChainHash.hex(mac.doFinal(checkpointText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Constant-time comparison of the expected and the given signature. */
    public static boolean verify(String key, String checkpointText, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(key, checkpointText).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
