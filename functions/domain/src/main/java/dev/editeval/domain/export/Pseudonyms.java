package dev.editeval.domain.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Evaluator pseudonyms for the exports: a keyed hash (HMAC-SHA256) of the evaluator id, so the same evaluator has
 * the same pseudonym in every export, and nobody without the key can test a guessed id against it.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(String evaluatorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(evaluatorId.getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
