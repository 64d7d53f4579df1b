package dev.editeval.app.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.editeval.domain.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Between API Gateway's HTTP event and the router's request and response. */
final class HttpEvents {

    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    private HttpEvents() {
    }

    static ApiRequest request(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        Map<String, String> claims = Optional.ofNullable(context.getAuthorizer())
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims).orElse(Map.of());
        String sub = claims.getOrDefault("sub", "");
        String name = claims.getOrDefault("cognito:username", claims.getOrDefault("username", sub));
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String body = event.getBody() == null ? "" : event.getBody();
        byte[] bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new ApiRequest(context.getHttp().getMethod(), event.getRawPath(), sub, name,
                groups(claims.getOrDefault("cognito:groups", "")), headers.getOrDefault("content-type", ""), bytes,
                ApiRequest.queryOf(event.getRawQueryString()));
    }

    /**
     * The authorizer passes a list claim as text, {@code [evaluators admins]}: the one pair of brackets around it
     * taken off and the names split on the spaces between them, nothing else, so that a group named {@code [admins}
     * or {@code x,admins} stays that group (Cognito allows brackets and commas in a name, never a space).
     */
    static List<String> groups(String claim) {
        String inner = claim.length() >= 2 && claim.startsWith("[") && claim.endsWith("]")
                ? claim.substring(1, claim.length() - 1) : claim;
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(" ")).filter(name -> !name.isEmpty()).toList();
    }

    static APIGatewayV2HTTPResponse response(ApiResponse response) {
        APIGatewayV2HTTPResponse.APIGatewayV2HTTPResponseBuilder builder = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status()).withHeaders(HEADERS);
        if (response.body() != null) {
            try {
                builder.withBody(Json.MAPPER.writeValueAsString(response.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the answer as JSON", e);
            }
        }
        return builder.build();
    }
}
