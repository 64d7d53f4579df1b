package dev.editeval.app.runtime;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The one fake AWS account the local stand-ins serve and local invocations name: fixed, so a data folder written by
 * one run is readable by the next and by the AWS CLI pointed at it. S3Proxy checks the signature against this key;
 * ElasticMQ and dynalite accept any key.
 */
public final class LocalAccount {

    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCOUNT_ID = "000000000000";
    public static final String ACCESS_KEY_ID = "editeval";
    public static final String SECRET_ACCESS_KEY = "editeval-local-secret";

    private LocalAccount() {
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }
}
