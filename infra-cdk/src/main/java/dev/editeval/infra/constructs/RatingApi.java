package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import java.util.List;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The rating API (docs/api.md): an HTTP API whose every route goes to the API handler behind the JWT authorizer.
 *
 * <p>Built in two steps because the page's CloudFront origin needs this API's domain while the authorizer needs
 * the page's Cognito client, whose callback is the page: create, then {@link #route} once the client exists.
 */
public final class RatingApi extends Construct {

    /** Evaluators click a few times a minute; this stops a runaway client, not a busy day. */
    private static final int RATE_LIMIT_PER_SECOND = 50;
    private static final int BURST_LIMIT = 100;

    /** Only variables HTTP APIs support (the REST API's CLF/standard formats use some they reject). */
    private static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"time\":\"$context.requestTime\","
            + "\"route\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"length\":\"$context.responseLength\",\"latencyMs\":\"$context.responseLatency\","
            + "\"authError\":\"$context.authorizer.error\",\"integrationError\":\"$context.integrationErrorMessage\"}";

    private final HttpApi api;
    private final HttpStage stage;

    public RatingApi(Construct scope, String id) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "HttpApi")
                .apiName("editeval")
                .createDefaultStage(false)
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT_PER_SECOND).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(new JsonAccessLog(new LogGroupLogDestination(accessLogs)))
                .build();
    }

    /** Sends every route of {@link Topology#API_ROUTES} to the handler, each behind the authorizer. */
    public void route(IFunction handler, IHttpRouteAuthorizer authorizer) {
        var integration = new HttpLambdaIntegration("ApiHandler", handler);
        for (ApiRoute route : Topology.API_ROUTES) {
            api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .authorizer(authorizer)
                    .build());
        }
    }

    /** The execute-api host name, e.g. {@code abc123.execute-api.eu-west-1.amazonaws.com}, for CloudFront. */
    public String domainName() {
        return Fn.select(2, Fn.split("/", api.getApiEndpoint()));
    }

    public String url() {
        return stage.getUrl();
    }

    /** A class, not a record: jsii would take a record's {@code destination()} for a method overriding a property. */
    private static final class JsonAccessLog implements IAccessLogSettings {

        private final IAccessLogDestination logDestination;

        JsonAccessLog(IAccessLogDestination logDestination) {
            this.logDestination = logDestination;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return logDestination;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
        }
    }
}
