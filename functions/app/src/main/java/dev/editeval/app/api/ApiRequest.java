package dev.editeval.app.api;

import dev.editeval.domain.topology.ApiRoute;
import java.util.List;

/**
 * An API call as the router sees it: the caller comes only from the JWT claims the authorizer verified.
 *
 * @param evaluatorId the token's {@code sub}, empty when there is no verified caller
 */
record ApiRequest(String method, String path, String evaluatorId, String name, List<String> groups,
                  String contentType, byte[] body) {

    ApiRequest {
        groups = List.copyOf(groups);
    }

    boolean isEvaluator() {
        return ApiRoute.Audience.EVALUATORS.admits(groups);
    }
}
