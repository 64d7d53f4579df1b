package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.ScoreRange;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one raw JSON row into a {@link RatingRow} with Jackson's streaming parser: no tree per row, which is most
 * of the cost of reading a million scores. Fields the aggregation does not use are skipped.
 */
final class RatingRowParser {

    private String batchId = "";
    private String taskId = "";
    private String category = "";
    private String evaluator = "";
    private String verdict = "";
    private long timeOnTaskMs;
    private final List<OutputRow> outputs = new ArrayList<>();
    private String preferred = "";
    private Optional<String> goldFeasibility = Optional.empty();
    private final Map<String, Map<String, ScoreRange>> goldScores = new LinkedHashMap<>();
    private Optional<LocalDate> submittedOn = Optional.empty();
    private String rubricId = "";
    private boolean screening;

    private RatingRowParser() {
    }

    static RatingRow parse(String json) throws IOException {
        RatingRowParser row = new RatingRowParser();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                row.field(parser.currentName(), parser);
            }
        }
        return new RatingRow(row.batchId, row.taskId, row.category, row.evaluator, row.verdict, row.timeOnTaskMs,
                row.outputs, row.preferred, row.goldFeasibility, row.goldScores, row.submittedOn, row.rubricId,
                row.screening);
    }

    private void field(String name, JsonParser parser) throws IOException {
        JsonToken value = parser.nextToken();
        switch (name) {
            case "batchId" -> batchId = parser.getValueAsString("");
            case "taskId" -> taskId = parser.getValueAsString("");
            case "category" -> category = parser.getValueAsString("");
            case "rubricId" -> rubricId = parser.getValueAsString("");
            case "screening" -> screening = parser.getValueAsBoolean(false);
            case "evaluator" -> evaluator = parser.getValueAsString("");
            case "timeOnTaskMs" -> timeOnTaskMs = parser.getValueAsLong(0);
            case "feasibility" -> verdict = member(parser, value, "verdict");
            case "preference" -> preferred = member(parser, value, "overall");
            case "outputs" -> outputs(parser, value);
            case "gold" -> gold(parser, value);
            case "submittedAt" -> submittedOn = Optional.of(dayOf(parser.getValueAsString("")));
            default -> parser.skipChildren();
        }
    }

    /** A text member of an object value; the rest of the object is skipped. */
    private static LocalDate dayOf(String submittedAt) throws IOException {
        try {
            return LocalDate.ofInstant(Instant.parse(submittedAt), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IOException("submittedAt \"" + submittedAt + "\" is not a UTC time such as 2026-11-28T14:03:00Z",
                    e);
        }
    }

    private static String member(JsonParser parser, JsonToken value, String wanted) throws IOException {
        String found = "";
        if (value != JsonToken.START_OBJECT) {
            return found;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(wanted)) {
                found = parser.getValueAsString("");
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private void outputs(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String outputId = "";
            String model = "";
            boolean flagged = false;
            Map<String, Integer> scores = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken member = parser.nextToken();
                switch (name) {
                    case "outputId" -> outputId = parser.getValueAsString("");
                    case "model" -> model = parser.getValueAsString("");
                    case "safety" -> flagged = "true".equals(member(parser, member, "flagged"));
                    case "scores" -> scores(parser, member, scores);
                    default -> parser.skipChildren();
                }
            }
            outputs.add(new OutputRow(outputId, model, flagged, Collections.unmodifiableMap(scores)));
        }
    }

    private static void scores(JsonParser parser, JsonToken value, Map<String, Integer> scores) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String dimension = parser.currentName();
            JsonToken score = parser.nextToken();
            scores.put(dimension, score == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null);
            parser.skipChildren();
        }
    }

    private void gold(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken member = parser.nextToken();
            if (name.equals("feasibility") && member == JsonToken.VALUE_STRING) {
                goldFeasibility = Optional.of(parser.getText());
            } else if (name.equals("scores")) {
                Map<String, Object> byModel = Json.MAPPER.readValue(parser, Map.class);
                byModel.forEach((model, ranges) -> goldScores.put(model, ranges(model, ranges)));
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Map<String, ScoreRange> ranges(String model, Object ranges) {
        Map<String, ScoreRange> parsed = new LinkedHashMap<>();
        if (ranges instanceof Map<?, ?> byDimension) {
            byDimension.forEach((dimension, range) -> {
                if (range instanceof Map<?, ?> bounds && bounds.get("min") instanceof Number min
                        && bounds.get("max") instanceof Number max) {
                    parsed.put(String.valueOf(dimension), new ScoreRange(min.intValue(), max.intValue()));
                } else {
                    throw new IllegalArgumentException("gold range of " + model + "/" + dimension
                            + " needs a min and a max");
                }
            });
        }
        return parsed;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("a rating row is a JSON object, found " + actual);
        }
    }
}
