package dev.editeval.app.api;

import dev.editeval.domain.topology.ApiRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API call as the router sees it: the caller comes only from the JWT claims the authorizer verified.
 *
 * @param evaluatorId the token's {@code sub}, empty when there is no verified caller
 * @param query       the query string's parameters, decoded; the first of a repeated name
 */
record ApiRequest(String method, String path, String evaluatorId, String name, List<String> groups,
                  String contentType, byte[] body, Map<String, String> query) {

    ApiRequest {
        groups = List.copyOf(groups);
        query = Map.copyOf(query);
    }

    ApiRequest(String method, String path, String evaluatorId, String name, List<String> groups, String contentType,
               byte[] body) {
        this(method, path, evaluatorId, name, groups, contentType, body, Map.of());
    }

    /** The parameters of a raw query string ({@code a=1&b=x%20y}); a name without a value maps to "". */
    static Map<String, String> queryOf(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            if (!name.isEmpty()) {
                query.putIfAbsent(name, value);
            }
        }
        return query;
    }

    /** A malformed escape ({@code %zz}) is kept as sent: the route then refuses the value it does not know. */
    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    boolean isEvaluator() {
        return ApiRoute.Audience.EVALUATORS.admits(groups);
    }
}
