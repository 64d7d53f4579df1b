package dev.editeval.domain.rating;

import dev.editeval.domain.model.TaskRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The opaque key of an output on an evaluator's page: the same in every lease of the task to that evaluator, while
 * the letters follow each lease's shuffled order, so a draft kept in the browser stays with the image it was given
 * to. A hash of the output's blind key: it names no model, and differs between evaluators and tasks.
 */
public final class DraftKeys {

    private static final int HEX_LENGTH = 16;

    private DraftKeys() {
    }

    public static String of(String evaluatorId, TaskRef task, String blindKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("draft\n" + evaluatorId + "\n" + task + "\n"
                    + blindKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
