package dev.editeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The stack, synthesised once for every test class (a synthesis takes seconds): with a stub code asset, a stub page,
 * and the cdk-nag checks the app applies. Plus small readers of the template's JSON.
 */
final class SynthesizedStack {

    static final EditevalStack STACK;
    static final Template TEMPLATE;

    static {
        var app = new App();
        STACK = new EditevalStack(app, EditevalApp.STACK_NAME, new EditevalStackProps(
                Code.fromAsset("src/test/resources/functions-stub"), Code.fromAsset(EditevalApp.JPEG_LAYER),
                Optional.of(Path.of("src/test/resources/web-stub"))));
        EditevalApp.applyChecks(app);
        TEMPLATE = Template.fromStack(STACK);
    }

    private SynthesizedStack() {
    }

    /** Properties of every resource of a type, by logical id. */
    static Map<String, Map<String, Object>> propertiesOfType(String type) {
        var byId = new java.util.LinkedHashMap<String, Map<String, Object>>();
        TEMPLATE.findResources(type).forEach((id, resource) -> byId.put(id, properties(resource)));
        return byId;
    }

    /** The logical id of the one resource of this type whose property has this value. */
    static String logicalId(String type, String property, Object value) {
        List<String> ids = propertiesOfType(type).entrySet().stream()
                .filter(entry -> value.equals(entry.getValue().get(property)))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ids).as("%s with %s = %s", type, property, value).hasSize(1);
        return ids.getFirst();
    }

    static Map<String, Object> propertiesOf(String logicalId) {
        Map<String, Object> resource = map(map(TEMPLATE.toJSON().get("Resources")).get(logicalId));
        assertThat(resource).as("resource %s", logicalId).isNotNull();
        return properties(resource);
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.getOrDefault("Properties", Map.of()));
    }
}
