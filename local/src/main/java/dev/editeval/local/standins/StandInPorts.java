package dev.editeval.local.standins;

/**
 * The ports the three stand-ins listen on, on 127.0.0.1; 0 lets the system pick a free one.
 *
 * @param s3       S3Proxy
 * @param sqs      ElasticMQ
 * @param dynamoDb dynalite
 */
public record StandInPorts(int s3, int sqs, int dynamoDb) {

    public StandInPorts {
        requirePort("s3", s3);
        requirePort("sqs", sqs);
        requirePort("dynamoDb", dynamoDb);
    }

    /** Free ports picked when each server binds: what tests want, so parallel runs never collide. */
    public static StandInPorts any() {
        return new StandInPorts(0, 0, 0);
    }

    /** Three consecutive ports: S3 on {@code first}, SQS on {@code first + 1}, DynamoDB on {@code first + 2}. */
    public static StandInPorts startingAt(int first) {
        return new StandInPorts(first, first + 1, first + 2);
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " port must be 0 (any) or 1-65535, was " + port);
        }
    }
}
