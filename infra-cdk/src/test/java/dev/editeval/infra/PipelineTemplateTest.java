package dev.editeval.infra;

import static dev.editeval.infra.SynthesizedStack.getAtt;
import static dev.editeval.infra.SynthesizedStack.list;
import static dev.editeval.infra.SynthesizedStack.logicalId;
import static dev.editeval.infra.SynthesizedStack.map;
import static dev.editeval.infra.SynthesizedStack.number;
import static dev.editeval.infra.SynthesizedStack.propertiesOf;
import static dev.editeval.infra.SynthesizedStack.propertiesOfType;
import static dev.editeval.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.topology.FunctionSpec;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The data path: uploads bucket, queues and their triggers, table, functions and what each may touch. */
class PipelineTemplateTest {

    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final int SECONDS_PER_DAY = 86_400;

    static Stream<Arguments> fedQueues() {
        return Stream.of(
                Arguments.of(Topology.INGEST_QUEUE, Topology.INGEST_FUNCTION),
                Arguments.of(Topology.PREVIEW_QUEUE, Topology.PREVIEW_FUNCTION));
    }

    static Stream<QueueSpec> queues() {
        return Topology.QUEUES.stream();
    }

    static Stream<FunctionSpec> functions() {
        return Topology.FUNCTIONS.stream();
    }

    @ParameterizedTest
    @MethodSource("fedQueues")
    void fedQueue_whenConsumed_hidesMessagesAtLeastSixTimesTheConsumerTimeout(QueueSpec queue, FunctionSpec consumer) {
        Map<String, Object> mapping = mappingOf(queue);
        String functionId = (String) map(mapping.get("FunctionName")).get("Ref");

        int visibility = number(propertiesOf(queueId(queue.name())).get("VisibilityTimeout"));
        int timeout = number(propertiesOf(functionId).get("Timeout"));

        assertThat(propertiesOf(functionId)).containsEntry("FunctionName", consumer.name());
        assertThat(visibility).isGreaterThanOrEqualTo(6 * timeout);
    }

    @ParameterizedTest
    @MethodSource("fedQueues")
    void fedQueue_mapping_reportsItemFailuresInTopologyBatches(QueueSpec queue, FunctionSpec consumer) {
        Map<String, Object> mapping = mappingOf(queue);

        assertThat(number(mapping.get("BatchSize"))).isEqualTo(queue.batchSize());
        assertThat(list(mapping.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
    }

    @Test
    void stack_always_hasOnlyThePipelinesQueuesAndNoneForRating() {
        assertThat(propertiesOfType("AWS::SQS::Queue")).hasSize(2 * Topology.QUEUES.size());
        assertThat(propertiesOfType("AWS::SQS::Queue").values()).extracting(queue -> queue.get("QueueName"))
                .noneMatch(name -> String.valueOf(name).contains("rating"));
        assertThat(propertiesOfType("AWS::Lambda::EventSourceMapping")).hasSize(Topology.QUEUES.size());
    }

    @ParameterizedTest
    @MethodSource("queues")
    void queue_always_redrivesToItsDeadLetterQueueAfterTopologyReceives(QueueSpec spec) {
        Map<String, Object> redrive = map(propertiesOf(queueId(spec.name())).get("RedrivePolicy"));
        String deadLetterId = queueId(spec.deadLetterName());

        assertThat(number(redrive.get("maxReceiveCount"))).isEqualTo(spec.maxReceiveCount());
        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(getAtt(deadLetterId, "Arn"));
        assertThat(number(propertiesOf(deadLetterId).get("MessageRetentionPeriod")))
                .isEqualTo(QueueSpec.RETENTION_DAYS * SECONDS_PER_DAY);
        assertThat(number(propertiesOf(queueId(spec.name())).get("MessageRetentionPeriod")))
                .isEqualTo(QueueSpec.RETENTION_DAYS * SECONDS_PER_DAY);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void queueAndDeadLetterQueue_always_areEncryptedAndRefusePlainHttp(QueueSpec spec) {
        for (String name : List.of(spec.name(), spec.deadLetterName())) {
            String id = queueId(name);

            assertThat(propertiesOf(id)).as(name).containsEntry("SqsManagedSseEnabled", true);
            assertThat(deniesInsecureTransport("AWS::SQS::QueuePolicy", "Queues", ref(id))).as(name).isTrue();
        }
    }

    @Test
    void uploadsBucket_onManifestUpload_notifiesIngestQueueOnly() {
        Map<String, Object> notifications = propertiesOfType("Custom::S3BucketNotifications").values().stream()
                .findFirst().orElseThrow();
        List<Object> queueConfigurations = list(map(notifications.get("NotificationConfiguration"))
                .get("QueueConfigurations"));
        Map<String, Object> only = map(queueConfigurations.getFirst());
        List<Object> filterRules = list(map(map(only.get("Filter")).get("Key")).get("FilterRules"));

        assertThat(notifications.get("BucketName")).isEqualTo(ref(uploadsBucketId()));
        assertThat(queueConfigurations).hasSize(1);
        assertThat(only.get("QueueArn")).isEqualTo(getAtt(queueId(Topology.INGEST_QUEUE.name()), "Arn"));
        assertThat(list(only.get("Events"))).containsExactly("s3:ObjectCreated:*");
        assertThat(filterRules).containsExactlyInAnyOrder(
                Map.of("Name", "prefix", "Value", "batches/"),
                Map.of("Name", "suffix", "Value", "manifest.json"));
    }

    @Test
    void uploadsBucket_always_isVersionedAndExpiresOldVersions() {
        Map<String, Object> bucket = propertiesOf(uploadsBucketId());
        Map<String, Object> rule = map(list(map(bucket.get("LifecycleConfiguration")).get("Rules")).getFirst());

        assertThat(map(bucket.get("VersioningConfiguration"))).containsEntry("Status", "Enabled");
        assertThat(map(rule.get("NoncurrentVersionExpiration"))).containsEntry("NoncurrentDays", 30);
        assertThat(bucket.get("BucketName").toString()).contains(Topology.BUCKET);
    }

    @Test
    void everyBucket_always_isEncryptedPrivateAndRefusesPlainHttp() {
        Map<String, Map<String, Object>> buckets = propertiesOfType(BUCKET);

        assertThat(buckets).hasSize(3);
        buckets.forEach((id, bucket) -> {
            assertThat(bucket.get("BucketEncryption").toString()).as(id).contains("SSEAlgorithm=AES256");
            assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).as(id).containsAllEntriesOf(Map.of(
                    "BlockPublicAcls", true, "BlockPublicPolicy", true,
                    "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
            assertThat(deniesInsecureTransport("AWS::S3::BucketPolicy", "Bucket", ref(id))).as(id).isTrue();
        });
    }

    @Test
    void table_always_hasTopologyKeysIndexRecoveryAndEncryption() {
        Map<String, Object> table = propertiesOf(logicalId("AWS::DynamoDB::Table", "TableName",
                Topology.TABLE.name()));
        Map<String, Object> index = map(list(table.get("GlobalSecondaryIndexes")).getFirst());

        assertThat(list(table.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", Topology.TABLE.partitionKey(), "KeyType", "HASH"),
                Map.of("AttributeName", Topology.TABLE.sortKey(), "KeyType", "RANGE"));
        assertThat(list(table.get("AttributeDefinitions"))).allSatisfy(attribute ->
                assertThat(map(attribute)).containsEntry("AttributeType", "S"));
        assertThat(index).containsEntry("IndexName", Topology.GSI1.name());
        assertThat(list(index.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", Topology.GSI1.partitionKey(), "KeyType", "HASH"),
                Map.of("AttributeName", Topology.GSI1.sortKey(), "KeyType", "RANGE"));
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST");
        assertThat(map(table.get("PointInTimeRecoverySpecification")))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(map(table.get("SSESpecification"))).containsEntry("SSEEnabled", true);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_always_runsJava25OnArm64AsTopologySays(FunctionSpec spec) {
        Map<String, Object> function = propertiesOf(logicalId(FUNCTION, "FunctionName", spec.name()));
        Map<String, Object> environment = map(map(function.get("Environment")).get("Variables"));

        assertThat(function).containsEntry("Runtime", "java25")
                .containsEntry("Handler", spec.handler())
                .containsEntry("Timeout", spec.timeoutSeconds())
                .containsEntry("MemorySize", spec.memoryMb());
        assertThat(list(function.get("Architectures"))).containsExactly("arm64");
        assertThat(environment).containsKeys("EDITEVAL_BUCKET", "EDITEVAL_TABLE", "EDITEVAL_INGEST_QUEUE_URL",
                        "EDITEVAL_PREVIEW_QUEUE_URL")
                .doesNotContainKey("EDITEVAL_RATING_QUEUE_URL")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "editeval")
                .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO");
        assertThat(environment.get("EDITEVAL_BUCKET")).isEqualTo(ref(uploadsBucketId()));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_always_limitsTheJitToC1OnlyForTheShortHandlers(FunctionSpec spec) {
        Map<String, Object> function = propertiesOf(logicalId(FUNCTION, "FunctionName", spec.name()));
        Map<String, Object> environment = map(map(function.get("Environment")).get("Variables"));
        boolean computeBound = spec.equals(Topology.PREVIEW_FUNCTION) || spec.equals(Topology.AGGREGATE_FUNCTION);

        if (computeBound) {
            assertThat(environment).doesNotContainKey("JAVA_TOOL_OPTIONS");
        } else {
            assertThat(environment)
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void previewFunction_always_hasLibjpegTurboForArm64AndNoOtherFunctionHasALayer() throws IOException {
        Map<String, Map<String, Object>> layers = propertiesOfType("AWS::Lambda::LayerVersion");
        String layerId = layers.keySet().stream().filter(id -> id.contains("TurboJpeg")).findFirst().orElseThrow();

        assertThat(list(layers.get(layerId).get("CompatibleArchitectures"))).containsExactly("arm64");
        assertThat(list(layers.get(layerId).get("CompatibleRuntimes"))).containsExactly("java25");
        for (FunctionSpec spec : Topology.FUNCTIONS) {
            Object functionLayers = propertiesOf(logicalId(FUNCTION, "FunctionName", spec.name())).get("Layers");
            if (spec.equals(Topology.PREVIEW_FUNCTION)) {
                assertThat(list(functionLayers)).containsExactly(ref(layerId));
            } else {
                assertThat(functionLayers).as(spec.name()).isNull();
            }
        }
        // what the layer ships: an ELF shared object for AArch64 (e_type 3, e_machine 183), under the soname
        byte[] header = Arrays.copyOf(Files.readAllBytes(Path.of(EditevalApp.JPEG_LAYER, "lib",
                "libturbojpeg.so.0")), 20);
        assertThat(Arrays.copyOf(header, 4)).isEqualTo(new byte[] {0x7f, 'E', 'L', 'F'});
        assertThat(header[4]).as("64-bit").isEqualTo((byte) 2);
        assertThat((header[16] & 0xff) | (header[17] & 0xff) << 8).as("e_type: shared object").isEqualTo(3);
        assertThat((header[18] & 0xff) | (header[19] & 0xff) << 8).as("e_machine: AArch64").isEqualTo(183);
    }

    @Test
    void apiFunction_always_restoresFromSnapStart() {
        Map<String, Object> api = propertiesOf(logicalId(FUNCTION, "FunctionName", Topology.API_FUNCTION.name()));

        assertThat(map(api.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
    }

    @Test
    void aggregateFunction_always_runsOneAtATimeAndOnlyTheApiMayStartIt() {
        String aggregateId = logicalId(FUNCTION, "FunctionName", Topology.AGGREGATE_FUNCTION.name());

        assertThat(propertiesOf(aggregateId)).containsEntry("ReservedConcurrentExecutions", 1);
        for (FunctionSpec spec : Topology.FUNCTIONS) {
            List<Object> invoked = statementsOf(spec).stream().map(SynthesizedStack::map)
                    .filter(allow -> actions(allow).contains("lambda:InvokeFunction"))
                    .flatMap(allow -> resources(allow).stream()).toList();
            if (spec.equals(Topology.API_FUNCTION)) {
                assertThat(invoked).contains(getAtt(aggregateId, "Arn"));
            } else {
                assertThat(invoked).as(spec.name()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("queues")
    void apiFunction_mayReadTheDepthOfEveryQueueAndItsDeadLetters_forTheLeadsQueueHealth(QueueSpec queue) {
        List<Object> readable = statementsOf(Topology.API_FUNCTION).stream().map(SynthesizedStack::map)
                .filter(allow -> actions(allow).contains("sqs:GetQueueAttributes"))
                .flatMap(allow -> resources(allow).stream()).toList();

        assertThat(readable).contains(getAtt(queueId(queue.name()), "Arn"),
                getAtt(queueId(queue.deadLetterName()), "Arn"));
    }

    static Stream<Arguments> objectWrites() {
        return Stream.of(
                Arguments.of(Topology.INGEST_FUNCTION, List.of("/batches/*/_report.json")),
                Arguments.of(Topology.PREVIEW_FUNCTION, List.of("/previews/*", "/batches/*/_report.json")),
                Arguments.of(Topology.API_FUNCTION, List.of()),
                Arguments.of(Topology.AGGREGATE_FUNCTION, List.of("/exports/*", "/" + ExportService.PSEUDONYM_KEY)));
    }

    @ParameterizedTest
    @MethodSource("objectWrites")
    void function_always_writesObjectsOnlyUnderItsOwnPrefix(FunctionSpec spec, List<String> allowedKeys) {
        List<List<Object>> putResources = new ArrayList<>();
        for (Object statement : statementsOf(spec)) {
            Map<String, Object> allow = map(statement);
            if (actions(allow).stream().anyMatch(action -> action.startsWith("s3:PutObject"))) {
                resources(allow).forEach(resource -> putResources.add(joinedParts(resource)));
            }
        }

        assertThat(putResources).extracting(List::getFirst)
                .allSatisfy(bucket -> assertThat(bucket).isEqualTo(getAtt(uploadsBucketId(), "Arn")));
        assertThat(putResources).extracting(List::getLast).containsExactlyInAnyOrderElementsOf(allowedKeys);
    }

    /** {@code {"Fn::Join": ["", [bucketArn, "/prefix/*"]]}} as [bucketArn, "/prefix/*"]; a bare ARN as [arn, ""]. */
    private static List<Object> joinedParts(Object resource) {
        Object join = map(resource).get("Fn::Join");
        return join == null ? List.of(resource, "") : list(list(join).get(1));
    }

    private static List<Object> statementsOf(FunctionSpec spec) {
        Map<String, Object> function = propertiesOf(logicalId(FUNCTION, "FunctionName", spec.name()));
        String roleId = (String) list(map(function.get("Role")).get("Fn::GetAtt")).getFirst();
        List<Object> statements = new ArrayList<>();
        propertiesOfType("AWS::IAM::Policy").values().stream()
                .filter(policy -> list(policy.get("Roles")).contains(ref(roleId)))
                .forEach(policy -> statements.addAll(list(map(policy.get("PolicyDocument")).get("Statement"))));
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> many
                ? many.stream().map(Object::toString).toList()
                : List.of(action.toString());
    }

    private static List<Object> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List<?> many ? List.copyOf(many) : List.of(resource);
    }

    private static boolean deniesInsecureTransport(String policyType, String targetProperty, Object target) {
        return propertiesOfType(policyType).values().stream()
                .filter(policy -> policy.get(targetProperty).equals(target)
                        || (policy.get(targetProperty) instanceof List<?> targets && targets.contains(target)))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(SynthesizedStack::map)
                .anyMatch(statement -> "Deny".equals(statement.get("Effect"))
                        && statement.get("Condition").toString().contains("aws:SecureTransport=false"));
    }

    private static Map<String, Object> mappingOf(QueueSpec queue) {
        return propertiesOf(logicalId("AWS::Lambda::EventSourceMapping", "EventSourceArn",
                getAtt(queueId(queue.name()), "Arn")));
    }

    private static String queueId(String name) {
        return logicalId(QUEUE, "QueueName", name);
    }

    private static String uploadsBucketId() {
        return propertiesOfType(BUCKET).entrySet().stream()
                .filter(bucket -> bucket.getValue().containsKey("VersioningConfiguration"))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
