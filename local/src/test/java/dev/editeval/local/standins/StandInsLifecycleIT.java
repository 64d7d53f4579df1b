package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Starting, failing to start and stopping: nothing is left behind either way. */
class StandInsLifecycleIT {

    @Test
    void close_whenCalledTwice_stopsTheChildRemovesTemporaryDataAndDoesNothingMore() {
        StandIns standIns = StandIns.start(StandInsOptions.ephemeral());
        long dynalite = standIns.dynamoDbPid();
        Path dataDir = standIns.dataDir();
        assertThat(ProcessHandle.of(dynalite).filter(ProcessHandle::isAlive)).isPresent();

        standIns.close();
        standIns.close();

        assertThat(ProcessHandle.of(dynalite).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void endpoints_whenStarted_areTheAddressesTheEnvironmentVariablesName() {
        try (StandIns standIns = StandIns.start(StandInsOptions.ephemeral())) {
            var environment = standIns.endpoints().environment();

            assertThat(environment)
                    .containsEntry("AWS_ENDPOINT_URL_S3", standIns.s3Endpoint().toString())
                    .containsEntry("AWS_ENDPOINT_URL_SQS", standIns.sqsEndpoint().toString())
                    .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", standIns.dynamoDbEndpoint().toString())
                    .containsEntry("AWS_DEFAULT_REGION", "us-east-1");
            assertThat(standIns.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    static Stream<Arguments> portTakenBy() {
        return Stream.of(
                Arguments.of("S3 stand-in (S3Proxy)", (IntFunction<StandInPorts>) p -> new StandInPorts(p, 0, 0),
                        "could not listen"),
                Arguments.of("SQS stand-in (ElasticMQ)", (IntFunction<StandInPorts>) p -> new StandInPorts(0, p, 0),
                        "could not start"),
                Arguments.of("DynamoDB stand-in (dynalite)",
                        (IntFunction<StandInPorts>) p -> new StandInPorts(0, 0, p), "EADDRINUSE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portTakenBy")
    void start_whenAPortIsTaken_failsNamingTheStandInAndLeavesNoChildProcess(
            String standIn, IntFunction<StandInPorts> portsWithTaken, String detail) throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var options = new StandInsOptions(Optional.empty(), portsWithTaken.apply(taken.getLocalPort()),
                    Duration.ofSeconds(10));

            assertThatThrownBy(() -> StandIns.start(options))
                    .isInstanceOf(StandInStartException.class)
                    .hasMessageContaining(standIn)
                    .hasMessageContaining(detail);
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
