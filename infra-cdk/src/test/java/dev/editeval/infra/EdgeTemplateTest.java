package dev.editeval.infra;

import static dev.editeval.infra.SynthesizedStack.STACK;
import static dev.editeval.infra.SynthesizedStack.TEMPLATE;
import static dev.editeval.infra.SynthesizedStack.getAtt;
import static dev.editeval.infra.SynthesizedStack.list;
import static dev.editeval.infra.SynthesizedStack.logicalId;
import static dev.editeval.infra.SynthesizedStack.map;
import static dev.editeval.infra.SynthesizedStack.number;
import static dev.editeval.infra.SynthesizedStack.propertiesOf;
import static dev.editeval.infra.SynthesizedStack.propertiesOfType;
import static dev.editeval.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.export.SetAside;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;

/** What faces people: the API and its authorizer, Cognito, CloudFront, the schedule, alarms, outputs, cdk-nag. */
class EdgeTemplateTest {

    private static final String CSP = "default-src 'self'; img-src 'self' blob: data: https://*.amazonaws.com; "
            + "script-src 'self'; style-src 'self'; connect-src 'self' https://*.amazoncognito.com; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    static Stream<QueueSpec> queues() {
        return Topology.QUEUES.stream();
    }

    @Test
    void api_always_declaresExactlyTheTopologysRoutes() {
        assertThat(propertiesOfType("AWS::ApiGatewayV2::Route").values())
                .extracting(route -> route.get("RouteKey"))
                .containsExactlyInAnyOrderElementsOf(Topology.API_ROUTES.stream().map(ApiRoute::key).toList())
                .contains("GET /api/me", "POST /api/leases/{leaseId}/rating", "ANY /api/admin/{proxy+}");
    }

    @Test
    void everyRoute_always_requiresTheCognitoJwt() {
        String authorizerId = logicalId("AWS::ApiGatewayV2::Authorizer", "AuthorizerType", "JWT");

        assertThat(propertiesOfType("AWS::ApiGatewayV2::Route").values()).isNotEmpty().allSatisfy(route -> {
            assertThat(route).containsEntry("AuthorizationType", "JWT");
            assertThat(route.get("AuthorizerId")).isEqualTo(ref(authorizerId));
        });
    }

    @Test
    void authorizer_always_acceptsOnlyThePoolsPageClient() {
        Map<String, Object> jwt = map(propertiesOf(logicalId("AWS::ApiGatewayV2::Authorizer", "AuthorizerType",
                "JWT")).get("JwtConfiguration"));
        String poolId = propertiesOfType("AWS::Cognito::UserPool").keySet().iterator().next();
        String clientId = propertiesOfType("AWS::Cognito::UserPoolClient").keySet().iterator().next();

        assertThat(list(jwt.get("Audience"))).containsExactly(ref(clientId));
        assertThat(jwt.get("Issuer").toString()).contains("https://cognito-idp.", ref(poolId).toString());
    }

    @Test
    void routes_always_invokeTheSnapStartAliasNotLatest() {
        String aliasId = logicalId("AWS::Lambda::Alias", "Name", "live");

        assertThat(propertiesOfType("AWS::ApiGatewayV2::Integration").values())
                .singleElement()
                .satisfies(integration -> assertThat(integration.get("IntegrationUri")).isEqualTo(ref(aliasId)));
    }

    @Test
    void defaultStage_always_isThrottledAndLogged() {
        Map<String, Object> stage = propertiesOf(logicalId("AWS::ApiGatewayV2::Stage", "StageName", "$default"));
        Map<String, Object> throttle = map(stage.get("DefaultRouteSettings"));

        assertThat(number(throttle.get("ThrottlingRateLimit"))).isPositive();
        assertThat(number(throttle.get("ThrottlingBurstLimit"))).isPositive();
        assertThat(map(stage.get("AccessLogSettings"))).containsKeys("DestinationArn", "Format");
    }

    @Test
    void userPool_always_isAdminManagedWithBothGroups() {
        Map<String, Object> pool = propertiesOfType("AWS::Cognito::UserPool").values().iterator().next();

        assertThat(map(pool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(propertiesOfType("AWS::Cognito::UserPoolGroup").values())
                .extracting(group -> group.get("GroupName"))
                .containsExactlyInAnyOrder("evaluators", "admins");
    }

    @Test
    void pageClient_always_isPublicAndUsesTheCodeFlowBackToThePage() {
        Map<String, Object> client = propertiesOfType("AWS::Cognito::UserPoolClient").values().iterator().next();
        String distributionId = propertiesOfType("AWS::CloudFront::Distribution").keySet().iterator().next();

        assertThat(client).containsEntry("GenerateSecret", false)
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true);
        assertThat(list(client.get("AllowedOAuthFlows"))).containsExactly("code");
        assertThat(list(client.get("CallbackURLs")).toString()).contains(getAtt(distributionId, "DomainName")
                .toString());
    }

    @Test
    void schedule_always_invokesAggregateAtTheTopologyCronInUtc() {
        Map<String, Object> schedule = propertiesOfType("AWS::Scheduler::Schedule").values().iterator().next();
        String aggregateId = logicalId("AWS::Lambda::Function", "FunctionName", Topology.AGGREGATE_FUNCTION.name());

        assertThat(schedule).containsEntry("ScheduleExpression", Topology.AGGREGATE_SCHEDULE_CRON)
                .containsEntry("ScheduleExpressionTimezone", "Etc/UTC")
                .containsEntry("State", "ENABLED");
        assertThat(map(schedule.get("Target")).get("Arn")).isEqualTo(getAtt(aggregateId, "Arn"));
    }

    @Test
    void responseHeaders_always_sendStrictCspAndHardeningHeaders() {
        Map<String, Object> config = map(propertiesOfType("AWS::CloudFront::ResponseHeadersPolicy").values()
                .iterator().next().get("ResponseHeadersPolicyConfig"));
        Map<String, Object> security = map(config.get("SecurityHeadersConfig"));

        assertThat(map(security.get("ContentSecurityPolicy"))).containsEntry("ContentSecurityPolicy", CSP);
        assertThat(map(security.get("ContentTypeOptions"))).containsEntry("Override", true);
        assertThat(map(security.get("FrameOptions"))).containsEntry("FrameOption", "DENY");
        assertThat(map(security.get("ReferrerPolicy"))).containsEntry("ReferrerPolicy", "no-referrer");
        assertThat(number(map(security.get("StrictTransportSecurity")).get("AccessControlMaxAgeSec")))
                .isGreaterThanOrEqualTo(31_536_000);
    }

    @Test
    void distribution_always_servesThePrivateBucketAndSendsApiToTheHttpApiUncached() {
        Map<String, Object> distribution = map(propertiesOfType("AWS::CloudFront::Distribution").values()
                .iterator().next().get("DistributionConfig"));
        Map<String, Object> api = map(list(distribution.get("CacheBehaviors")).getFirst());
        Map<String, Object> apiOrigin = originById(distribution, api.get("TargetOriginId"));
        Map<String, Object> pageOrigin = originById(distribution,
                map(distribution.get("DefaultCacheBehavior")).get("TargetOriginId"));
        String httpApiId = propertiesOfType("AWS::ApiGatewayV2::Api").keySet().iterator().next();

        assertThat(distribution).containsEntry("DefaultRootObject", "index.html");
        assertThat(map(distribution.get("DefaultCacheBehavior"))).containsEntry("ViewerProtocolPolicy",
                "redirect-to-https");
        assertThat(pageOrigin).containsKey("OriginAccessControlId");
        assertThat(api).containsEntry("PathPattern", "/api/*")
                .containsEntry("ViewerProtocolPolicy", "https-only")
                .containsEntry("CachePolicyId", CachePolicy.CACHING_DISABLED.getCachePolicyId())
                .containsEntry("OriginRequestPolicyId",
                        OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.getOriginRequestPolicyId());
        assertThat(list(api.get("AllowedMethods"))).contains("GET", "POST", "DELETE", "PUT", "PATCH");
        assertThat(api.get("ResponseHeadersPolicyId")).isNotNull()
                .isEqualTo(map(distribution.get("DefaultCacheBehavior")).get("ResponseHeadersPolicyId"));
        assertThat(apiOrigin.get("DomainName").toString()).contains(getAtt(httpApiId, "ApiEndpoint").toString());
    }

    @Test
    void page_whenDeployed_getsConfigNamingThePageClientAndInvalidatesTheCache() {
        Map<String, Object> deployment = propertiesOfType("Custom::CDKBucketDeployment").values().iterator().next();
        String clientId = propertiesOfType("AWS::Cognito::UserPoolClient").keySet().iterator().next();

        assertThat(list(deployment.get("DistributionPaths"))).containsExactly("/*");
        assertThat(deployment.get("SourceMarkers").toString()).contains(ref(clientId).toString());
    }

    @ParameterizedTest
    @MethodSource("queues")
    void deadLetterQueue_withAnyMessage_alarmsToTheTopic(QueueSpec spec) {
        String deadLetterId = logicalId("AWS::SQS::Queue", "QueueName", spec.deadLetterName());
        String topicId = propertiesOfType("AWS::SNS::Topic").keySet().iterator().next();

        assertThat(propertiesOfType("AWS::CloudWatch::Alarm").values())
                .filteredOn(alarm -> "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName")))
                .filteredOn(alarm -> alarm.get("Dimensions").toString()
                        .contains(getAtt(deadLetterId, "QueueName").toString()))
                .singleElement()
                .satisfies(alarm -> {
                    assertThat(number(alarm.get("Threshold"))).isZero();
                    assertThat(alarm).containsEntry("ComparisonOperator", "GreaterThanThreshold");
                    assertThat(list(alarm.get("AlarmActions"))).containsExactly(ref(topicId));
                });
    }

    @Test
    void export_whenItSetsARatingAside_alarmsToTheTopicFromTheAggregateLogs() {
        String topicId = propertiesOfType("AWS::SNS::Topic").keySet().iterator().next();
        String logsId = logicalId("AWS::Logs::LogGroup", "LogGroupName",
                "/aws/lambda/" + Topology.AGGREGATE_FUNCTION.name());

        assertThat(propertiesOfType("AWS::Logs::MetricFilter").values()).singleElement().satisfies(filter -> {
            assertThat(filter).containsEntry("LogGroupName", ref(logsId))
                    .containsEntry("FilterPattern", "{ $." + SetAside.LOG_FIELD + " > 0 }");
            assertThat(list(filter.get("MetricTransformations"))).singleElement().satisfies(metric ->
                    assertThat(map(metric)).containsEntry("MetricValue", "$." + SetAside.LOG_FIELD)
                            .containsEntry("MetricNamespace", "editeval"));
        });
        assertThat(propertiesOfType("AWS::CloudWatch::Alarm").values())
                .filteredOn(alarm -> "editeval".equals(alarm.get("Namespace")))
                .singleElement()
                .satisfies(alarm -> {
                    assertThat(alarm).containsEntry("Statistic", "Sum")
                            .containsEntry("ComparisonOperator", "GreaterThanThreshold");
                    assertThat(number(alarm.get("Threshold"))).isZero();
                    assertThat(list(alarm.get("AlarmActions"))).containsExactly(ref(topicId));
                });
    }

    @Test
    void outputs_always_giveWhatAnOperatorNeeds() {
        assertThat(TEMPLATE.findOutputs("*").keySet())
                .contains("PageUrl", "ApiUrl", "UploadsBucketName", "UserPoolId", "UserPoolClientId");
    }

    @Test
    void cdkNag_always_findsNoUnsuppressedError() {
        var errors = Annotations.fromStack(STACK).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));

        assertThat(errors).extracting(error -> error.getId() + " " + error.getEntry().getData()).isEmpty();
    }

    private static Map<String, Object> originById(Map<String, Object> distribution, Object originId) {
        return list(distribution.get("Origins")).stream()
                .map(SynthesizedStack::map)
                .filter(origin -> origin.get("Id").equals(originId))
                .findFirst().orElseThrow();
    }
}
