package dev.editeval.infra;

import dev.editeval.infra.constructs.Suppressions;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Suppressions for the handlers CDK itself adds as stack-level singletons (their ids carry a fixed hash), each with
 * its reason. Called last in the stack, once every singleton exists.
 */
final class CdkNagSuppressions {

    /** Writes S3 event notification configuration once per deployment (UploadsBucket's addEventNotification). */
    private static final String NOTIFICATIONS_HANDLER = "BucketNotificationsHandler";
    /** Copies the page into its bucket at deploy time (WebHosting's BucketDeployment). */
    private static final String DEPLOYMENT_HANDLER = "Custom::CDKBucketDeployment";

    private CdkNagSuppressions() {
    }

    static void applyTo(Stack stack) {
        for (IConstruct child : stack.getNode().getChildren()) {
            String id = child.getNode().getId();
            if (id.startsWith(NOTIFICATIONS_HANDLER) || id.startsWith(DEPLOYMENT_HANDLER)) {
                suppressCdkHandler(child);
            }
        }
    }

    private static void suppressCdkHandler(IConstruct handler) {
        Suppressions.suppress(handler, "AwsSolutions-IAM4",
                "CDK's own deploy-time handler: AWSLambdaBasicExecutionRole only lets it write its logs.");
        Suppressions.suppress(handler, "AwsSolutions-IAM5",
                "CDK's own deploy-time handler: its grants cover the one bucket (and asset bucket) it configures.");
        Suppressions.suppress(handler, "AwsSolutions-L1",
                "CDK's own deploy-time handler: its runtime is pinned by the aws-cdk-lib version, not by us.");
    }
}
