package dev.editeval.domain.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonSchemaCheck;
import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rubrics manifests may name, each kept as its record and as the raw document the API sends to the rating page.
 * Every document is checked against {@code rubric.schema.json} and the rubric rules when the catalog is built.
 * Immutable and thread-safe.
 */
public final class RubricCatalog {

    public static final String DEFAULT_RUBRIC_ID = "default-v1";
    static final String DEFAULT_RUBRIC_RESOURCE = JsonSchemaCheck.SCHEMA_FOLDER + "default-rubric.json";

    private final Map<String, Entry> entries;

    private RubricCatalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The rubrics shipped in the domain jar, loaded once. A broken shipped rubric fails here, at start. */
    public static RubricCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * A catalog of the given rubric documents.
     *
     * @throws IllegalArgumentException naming every problem, when a document is not a valid rubric or two share an id
     */
    public static RubricCatalog of(List<JsonNode> documents) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode document : documents) {
            ValidationReport report = check(document);
            if (!report.isValid()) {
                throw new IllegalArgumentException("invalid rubric " + document.path("id") + ": " + report.problems());
            }
            JsonNode copy = document.deepCopy();
            Rubric rubric = RubricDocuments.toRubric(copy);
            if (entries.putIfAbsent(rubric.id(), new Entry(rubric, copy)) != null) {
                throw new IllegalArgumentException("two rubrics have the id " + rubric.id());
            }
        }
        return new RubricCatalog(Collections.unmodifiableMap(entries));
    }

    /** Checks a rubric document against the schema, then against the rules a schema cannot state. */
    public static ValidationReport check(JsonNode document) {
        ValidationReport schemaReport = Schema.RUBRIC.validate(document);
        return schemaReport.isValid() ? RubricDocuments.checkRules(document) : schemaReport;
    }

    public Optional<Rubric> find(String rubricId) {
        return Optional.ofNullable(entries.get(rubricId)).map(Entry::rubric);
    }

    /**
     * The document of a rubric, as the API sends it to the rating page; a copy, so callers may change it.
     *
     * @throws IllegalArgumentException when no rubric has this id (check with {@link #find} first)
     */
    public JsonNode document(String rubricId) {
        Entry entry = entries.get(rubricId);
        if (entry == null) {
            throw new IllegalArgumentException("no rubric '" + rubricId + "'; known: " + ids());
        }
        return entry.document().deepCopy();
    }

    public Set<String> ids() {
        return entries.keySet();
    }

    private record Entry(Rubric rubric, JsonNode document) {
    }

    /** Loaded on first use, so a class that only mentions the catalog pays nothing. */
    private static final class Schema {
        static final JsonSchemaCheck RUBRIC = JsonSchemaCheck.fromClasspath("rubric.schema.json");
    }

    private static final class BuiltIn {
        static final RubricCatalog CATALOG = of(List.of(readResource(DEFAULT_RUBRIC_RESOURCE)));

        private static JsonNode readResource(String resource) {
            try (InputStream in = RubricCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("rubric not on the classpath: " + resource);
                }
                return StrictJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rubric " + resource, e);
            }
        }
    }
}
