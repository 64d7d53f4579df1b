package dev.editeval.local.standins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the stand-ins.
 *
 * @param dataDir      where S3 objects, SQS messages and DynamoDB tables live and survive a restart; empty for a
 *                     throw-away set (S3 in a temporary folder removed at close, SQS and DynamoDB in memory)
 * @param ports        where each stand-in listens
 * @param readyTimeout how long each stand-in may take to answer its first request before start gives up
 */
public record StandInsOptions(Optional<Path> dataDir, StandInPorts ports, Duration readyTimeout) {

    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

    public StandInsOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ports, "ports");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
        }
        dataDir = dataDir.map(dir -> dir.toAbsolutePath().normalize());
    }

    /** For tests: nothing kept, free ports. */
    public static StandInsOptions ephemeral() {
        return new StandInsOptions(Optional.empty(), StandInPorts.any(), DEFAULT_READY_TIMEOUT);
    }

    /** For the local runtime: everything under {@code dataDir}, so a restart loses nothing. */
    public static StandInsOptions persistent(Path dataDir, StandInPorts ports) {
        return new StandInsOptions(Optional.of(dataDir), ports, DEFAULT_READY_TIMEOUT);
    }

    public StandInsOptions withReadyTimeout(Duration timeout) {
        return new StandInsOptions(dataDir, ports, timeout);
    }

    public boolean persistent() {
        return dataDir.isPresent();
    }
}
