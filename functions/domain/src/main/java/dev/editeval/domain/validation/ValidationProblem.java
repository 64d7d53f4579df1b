package dev.editeval.domain.validation;

import java.util.Objects;

/**
 * One thing wrong with an input: where, and why.
 *
 * @param path   a JSON path without the leading {@code $.}, naming the item, e.g. {@code tasks[3].outputs[1].image}
 *               or {@code outputs[0].scores.preservation}; indexes count from 0; {@code $} is the whole document
 * @param reason what is wrong, in words a task owner or an evaluator can act on
 */
public record ValidationProblem(String path, String reason) {

    private static final int MAX_QUOTED = 80;

    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    public static ValidationProblem of(String path, String reason) {
        return new ValidationProblem(path, reason);
    }

    /** One line for people and logs: {@code tasks[3].source: task t07: ...}. */
    public String describe() {
        return path + ": " + reason;
    }

    /**
     * An input value for a reason: quoted, cut to 80 characters, control characters and other invisible ones
     * written as backslash-u escapes so a stray newline or bidi mark shows instead of garbling the report.
     */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().limit(MAX_QUOTED).forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT) {
                quoted.append(String.format("\\u%04X", codePoint));
            } else {
                quoted.appendCodePoint(codePoint);
            }
        });
        return quoted.append(value.codePointCount(0, value.length()) > MAX_QUOTED ? "...'" : "'").toString();
    }
}
