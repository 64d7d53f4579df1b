package dev.editeval.domain.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.quality.Exclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code "excluded": true} flag of a raw row whose evaluator a lead left out of the aggregation. The row stays in
 * the raw files with the flag, and the aggregation passes over it. The flag is always the row's last field and only
 * this class writes it, so it is set again each night from the exclusions as they stand (a lifted exclusion loses
 * its flag), touching no other byte of the row.
 */
public final class ExcludedRows {

    static final String FLAG = ",\"excluded\":true}";

    private ExcludedRows() {
    }

    public static boolean isExcluded(String line) {
        return line.endsWith(FLAG);
    }

    /**
     * The lines with the flag as the exclusions say now.
     *
     * @param byPseudonym each excluded evaluator's exclusion, by the pseudonym the rows carry
     */
    static List<String> apply(List<String> lines, Map<String, Exclusion> byPseudonym) {
        if (byPseudonym.isEmpty() && lines.stream().noneMatch(ExcludedRows::isExcluded)) {
            return lines;
        }
        List<String> flagged = new ArrayList<>(lines.size());
        for (String line : lines) {
            String bare = isExcluded(line) ? line.substring(0, line.length() - FLAG.length()) + "}" : line;
            flagged.add(excludes(bare, byPseudonym) ? bare.substring(0, bare.length() - 1) + FLAG : bare);
        }
        return flagged;
    }

    private static boolean excludes(String line, Map<String, Exclusion> byPseudonym) {
        if (byPseudonym.keySet().stream().noneMatch(line::contains)) {
            return false; // most rows: no excluded pseudonym anywhere in the text, no parse
        }
        try {
            JsonNode row = Json.MAPPER.readTree(line);
            JsonNode at = row.path("submittedAt");
            return Exclusion.leavesOut(Optional.ofNullable(byPseudonym.get(row.path("evaluator").asText())),
                    at.isTextual() ? Optional.of(Instant.parse(at.asText())) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("an export row does not read back", e);
        }
    }
}
