package dev.editeval.infra;

import dev.editeval.domain.topology.Topology;
import dev.editeval.infra.constructs.AccessLogsBucket;
import dev.editeval.infra.constructs.ExportsCatalog;
import dev.editeval.domain.export.SetAside;
import dev.editeval.infra.constructs.Alarms;
import dev.editeval.infra.constructs.Functions;
import dev.editeval.infra.constructs.FunctionSchedule;
import dev.editeval.infra.constructs.PipelineQueues;
import dev.editeval.infra.constructs.RatingApi;
import dev.editeval.infra.constructs.SingleTable;
import dev.editeval.infra.constructs.UploadsBucket;
import dev.editeval.infra.constructs.UserDirectory;
import dev.editeval.infra.constructs.WebHosting;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.constructs.Construct;

/**
 * editeval in one account and region: uploads bucket, queues, table, the four functions, the rating API behind
 * Cognito, the nightly schedule, the page on CloudFront, and alarms. Names and sizes come from {@link Topology}.
 * Environment-agnostic: synthesises with no account, no lookups.
 */
public final class EditevalStack extends Stack {

    public EditevalStack(Construct scope, String id, EditevalStackProps props) {
        super(scope, id, StackProps.builder()
                .description("editeval: serverless human evaluation of AI image-editing models")
                .build());
        var accessLogs = new AccessLogsBucket(this, "AccessLogs").bucket();
        var queues = new PipelineQueues(this, "Queues");
        var uploads = new UploadsBucket(this, "Uploads", queues.ingest(), accessLogs).bucket();
        var table = new SingleTable(this, "Data", Topology.TABLE).table();
        var functions = new Functions(this, "Functions",
                new Functions.Wiring(props.functionsCode(), props.jpegLayerCode(), uploads, table, queues));
        new FunctionSchedule(this, "Nightly", functions.aggregate(), Topology.AGGREGATE_SCHEDULE_CRON,
                "editeval nightly aggregation and export");
        new FunctionSchedule(this, "Reconcile", functions.reconcile(), Topology.RECONCILE_SCHEDULE_RATE,
                "editeval reconciler: what got stuck brought back, dead letters settled");
        new ExportsCatalog(this, "Exports", uploads);
        var alarms = new Alarms(this, "Alarms", queues.deadLetterQueues());
        alarms.alarmOnErrors(Topology.AGGREGATE_FUNCTION.name(), functions.aggregate());
        alarms.alarmOnErrors(Topology.RECONCILE_FUNCTION.name(), functions.reconcile());
        alarms.alarmOnLogField(Topology.AGGREGATE_FUNCTION.name() + "-set-aside",
                functions.logGroup(Topology.AGGREGATE_FUNCTION), SetAside.LOG_FIELD,
                "The export left out a stored rating it could not read; its manifest names it. Fix the item in"
                        + " the table, then run the export of that day again.");

        // The page's origin needs the API's domain, the API's authorizer needs the page's Cognito client, and
        // the client's callback is the page: API first, then the page, then the client, then the routes.
        var users = new UserDirectory(this, "Users");
        var api = new RatingApi(this, "Api");
        var web = new WebHosting(this, "Web", api.domainName(), accessLogs);
        UserPoolClient pageClient = users.addPageClient(web.pageUrl());
        api.route(functions.apiAlias(), users.authorizerFor(pageClient));
        props.webStaticDir().ifPresent(dir -> web.deployPage(dir, pageConfig(users, pageClient, web)));

        output("PageUrl", web.pageUrl(), "The rating page");
        output("ApiUrl", api.url(), "The HTTP API, also served under /api/ on the page's origin");
        output("UploadsBucketName", uploads.getBucketName(), "Upload batches under batches/{batchId}/");
        output("UserPoolId", users.userPoolId(), "Create evaluators here and add them to a group");
        output("UserPoolClientId", pageClient.getUserPoolClientId(), "The page's public client");
        output("SignInUrl", users.signInUrl(), "The Cognito hosted sign-in");
        output("AlarmTopicArn", alarms.topic().getTopicArn(), "Subscribe to hear about dead letters");
        CdkNagSuppressions.applyTo(this);
    }

    /**
     * The page's config.json, in the shape web-static/js/config.js reads for the "cognito" mode. Sorted maps: the
     * file's bytes, and so its asset hash, must not change between two syntheses of the same stack.
     */
    private static Map<String, Object> pageConfig(UserDirectory users, UserPoolClient client, WebHosting web) {
        return new TreeMap<>(Map.of(
                "apiBase", "/api",
                "auth", new TreeMap<>(Map.of(
                        "mode", "cognito",
                        "domain", users.signInUrl(),
                        "clientId", client.getUserPoolClientId(),
                        "redirectUri", web.pageUrl()))));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
