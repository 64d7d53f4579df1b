import java.lang.management.ManagementFactory;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cold start of one S3 call per HTTP client: JVM start to the first answer, as a Lambda cold start pays it.
 * Usage: java -cp ... HttpClientStart.java url-connection|crt http://127.0.0.1:4561
 */
public final class HttpClientStart {

    public static void main(String[] args) {
        SdkHttpClient http = args[0].equals("crt") ? AwsCrtHttpClient.create() : UrlConnectionHttpClient.create();
        try (S3Client s3 = S3Client.builder().httpClient(http).endpointOverride(URI.create(args[1]))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("editeval", "editeval-local-secret"))).build()) {
            int buckets = s3.listBuckets().buckets().size();
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(args[0] + " " + sinceStart + " ms to the first answer (" + buckets + " buckets)");
        }
    }
}
