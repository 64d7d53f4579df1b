package dev.editeval.infra.constructs;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One alarm per dead-letter queue (any message there is work that failed every retry and waits for a person), and
 * on errors of the functions no queue backs; all notify one topic.
 */
public final class Alarms extends Construct {

    /** The namespace of the metrics the stack derives from log lines. */
    public static final String NAMESPACE = "editeval";

    private final Topic topic;

    public Alarms(Construct scope, String id, Map<String, IQueue> deadLetterQueues) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic")
                .displayName("editeval alarms")
                .enforceSsl(true)
                .build();
        Suppressions.suppress(topic, "AwsSolutions-SNS2",
                "CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer key costs more"
                        + " than this is worth: messages carry only the alarm name and state, no user data.");
        deadLetterQueues.forEach((name, queue) -> alarmAboveZero(name,
                "Messages in " + name + ": they failed every retry; inspect and redrive them",
                queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("Maximum").build())));
    }

    /** Alarms on any error of a function nobody watches while it runs (the nightly aggregation). */
    public void alarmOnErrors(String name, IFunction function) {
        alarmAboveZero(name + "-errors",
                name + " failed; its run is retried by Lambda, then lost until the next schedule",
                function.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()));
    }

    /**
     * Alarms when a function logs a JSON line carrying {@code field}: the metric sums the field's values (each line
     * says how many it counts), under the stack's namespace.
     */
    public void alarmOnLogField(String name, ILogGroup logs, String field, String description) {
        MetricFilter filter = MetricFilter.Builder.create(this, name + "-filter")
                .logGroup(logs)
                .filterPattern(FilterPattern.numberValue("$." + field, ">", 0))
                .metricNamespace(NAMESPACE)
                .metricName(name)
                .metricValue("$." + field)
                .defaultValue(0)
                .build();
        alarmAboveZero(name, description, filter.metric(MetricOptions.builder().period(Duration.minutes(5))
                .statistic("Sum").build()));
    }

    /** Anything above zero in one period alarms the topic; no data is no problem. */
    private void alarmAboveZero(String id, String description, IMetric metric) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
    }

    /** Subscribe an address here to hear about dead letters and failed aggregations. */
    public ITopic topic() {
        return topic;
    }
}
