package dev.editeval.app.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.editeval.domain.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between item attributes and Java values, shared by the DynamoDB repositories. */
final class Attr {

    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static AttributeValue json(Object value) {
        try {
            return AttributeValue.fromS(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        return Optional.of(string(item, name)).filter(s -> !s.isEmpty());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    static <T> T json(Map<String, AttributeValue> item, String name, JavaType type) {
        try {
            return Json.MAPPER.readValue(string(item, name), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attribute " + name + " does not hold " + type, e);
        }
    }

    static <T> Optional<T> optionalJson(Map<String, AttributeValue> item, String name, Class<T> type) {
        return optionalString(item, name).map(text -> {
            try {
                return Json.MAPPER.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("attribute " + name + " does not hold " + type.getSimpleName(), e);
            }
        });
    }
}
