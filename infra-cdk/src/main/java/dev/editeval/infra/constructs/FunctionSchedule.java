package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.Topology;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * Runs a function on a schedule (the nightly aggregation at {@link Topology#AGGREGATE_SCHEDULE_CRON} UTC, the
 * reconciler every {@link Topology#RECONCILE_EVERY}) through EventBridge Scheduler, assuming a role that may invoke
 * only that function.
 */
public final class FunctionSchedule extends Construct {

    private static final int RETRY_ATTEMPTS = 3;
    private static final Duration MAX_EVENT_AGE = Duration.hours(2);

    public FunctionSchedule(Construct scope, String id, IFunction function, String expression, String description) {
        super(scope, id);
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler: invoke " + description)
                .build();
        Schedule.Builder.create(this, "Schedule")
                .description(description)
                .schedule(ScheduleExpression.expression(expression, TimeZone.ETC_UTC))
                .target(new LambdaInvoke(function, ScheduleTargetBaseProps.builder()
                        .role(role)
                        // Lambda is invoked asynchronously: these retries only cover a failed hand-over.
                        .retryAttempts(RETRY_ATTEMPTS)
                        .maxEventAge(MAX_EVENT_AGE)
                        .build()))
                .build();
        Suppressions.suppress(role, "AwsSolutions-IAM5",
                "grantInvoke adds the function's own qualified ARNs (versions, aliases: arn:*), no other function.");
    }
}
