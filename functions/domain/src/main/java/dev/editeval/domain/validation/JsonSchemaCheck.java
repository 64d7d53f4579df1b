package dev.editeval.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One JSON Schema (draft 2020-12) loaded from the classpath, turning its findings into {@link ValidationProblem}s.
 * A schema may give a readable reason per keyword in a {@code "message"} object. Thread-safe once built.
 */
public final class JsonSchemaCheck {

    /** Where the domain jar carries the schemas of {@code events/schema}. */
    public static final String SCHEMA_FOLDER = "editeval/schema/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .errorMessageKeyword("message")
            .locale(Locale.ENGLISH)
            .build();

    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    /** Loads {@code editeval/schema/<name>}; a missing or broken schema is a build fault and fails loudly. */
    public static JsonSchemaCheck fromClasspath(String name) {
        String resource = SCHEMA_FOLDER + name;
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + resource);
            }
            JsonSchema schema = FACTORY.getSchema(StrictJson.mapper().readTree(in), CONFIG);
            schema.initializeValidators();
            return new JsonSchemaCheck(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    public ValidationReport validate(JsonNode document) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            problems.add(toProblem(message));
        }
        return ValidationReport.of(problems);
    }

    private static ValidationProblem toProblem(ValidationMessage message) {
        String at = JsonPaths.display(message.getInstanceLocation().toString());
        return switch (message.getType()) {
            case "required" -> ValidationProblem.of(JsonPaths.child(at, message.getProperty()), "is required");
            case "additionalProperties" -> ValidationProblem.of(JsonPaths.child(at, message.getProperty()),
                    "is not a known field");
            default -> ValidationProblem.of(at, message.getError());
        };
    }
}
