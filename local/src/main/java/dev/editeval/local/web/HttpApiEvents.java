package dev.editeval.local.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import dev.editeval.domain.topology.ApiRoute;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the API Gateway HTTP API (payload 2.0) event for a request, as the JWT authorizer passes it on. */
final class HttpApiEvents {

    private HttpApiEvents() {
    }

    static APIGatewayV2HTTPEvent of(HttpExchange exchange, ApiRoute route, byte[] body, Map<String, String> claims) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String query = exchange.getRequestURI().getRawQuery();
        boolean text = utf8(body);
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(exchange.getRequestMethod())
                .withPath(exchange.getRequestURI().getPath())
                .withProtocol("HTTP/1.1")
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http)
                .withRequestId(UUID.randomUUID().toString())
                .withStage("$default")
                .withRouteKey(route.key())
                .withTimeEpoch(System.currentTimeMillis())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(claims).build())
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.key())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(query == null ? "" : query)
                .withHeaders(headers)
                .withRequestContext(context)
                .withBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .build();
    }

    /**
     * Whether the bytes are well-formed UTF-8. A body that is not is handed over as its bytes (base64), as API Gateway
     * hands over what is not text, so the API refuses it; decoding it here would replace the bad bytes with U+FFFD and
     * let a malformed body through.
     */
    static boolean utf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
