package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.ContentSecurityPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The rating page: a private bucket behind CloudFront (Origin Access Control), with {@code /api/*} sent to the
 * HTTP API on the same origin, so the page needs no CORS and its CSP can say {@code connect-src 'self'}.
 */
public final class WebHosting extends Construct {

    /** Images come as presigned S3 URLs (or blob:/data: after processing); tokens come from the Cognito domain. */
    public static final String CONTENT_SECURITY_POLICY =
            ContentSecurityPolicy.of("https://*.amazonaws.com", "https://*.amazoncognito.com");
    public static final String API_PATH_PATTERN = "/api/*";
    private static final Duration HSTS_MAX_AGE = Duration.days(365);

    private final Bucket bucket;
    private final Distribution distribution;

    public WebHosting(Construct scope, String id, String apiDomainName, IBucket accessLogs) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("web/")
                .build();
        ResponseHeadersPolicy headers = securityHeaders();
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("editeval rating page")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(accessLogs)
                .logFilePrefix("cloudfront/")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(headers)
                        .build())
                .additionalBehaviors(Map.of(API_PATH_PATTERN, BehaviorOptions.builder()
                        .origin(HttpOrigin.Builder.create(apiDomainName)
                                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                                .build())
                        // A POST is never worth a redirect: refuse plain HTTP outright.
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        // With caching off, this policy forwards Authorization; the Host must stay the API's.
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .responseHeadersPolicy(headers)
                        .build()))
                .build();
        Suppressions.suppress(distribution, "AwsSolutions-CFR4",
                "The default *.cloudfront.net certificate fixes the viewer TLS policy; a custom domain with its own"
                        + " certificate (and TLSv1.2_2021) is a deployment choice outside this stack.");
        Suppressions.suppress(distribution, "AwsSolutions-CFR1",
                "Evaluators may work from anywhere; access is decided by the Cognito sign-in, not by country.");
        Suppressions.suppress(distribution, "AwsSolutions-CFR2",
                "No WAF: the page is static, every API route needs a JWT and the API stage is throttled; a web ACL"
                        + " can be attached later without changing this stack's shape.");
    }

    /** What web-static holds for development only: tests, the browser test, their npm packages. */
    private static final List<String> NOT_DEPLOYED = List.of("node_modules", "test", "e2e", "package.json",
            "package-lock.json", "README.md");

    /**
     * Uploads the page and its deploy-time {@code config.json} (written last, so it wins over a local one), then
     * invalidates the cache.
     */
    public void deployPage(Path pageDir, Map<String, Object> config) {
        BucketDeployment.Builder.create(this, "Page")
                .sources(List.of(Source.asset(pageDir.toString(), AssetOptions.builder().exclude(NOT_DEPLOYED).build()),
                        Source.jsonData("config.json", config)))
                .destinationBucket(bucket)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .build();
    }

    public IDistribution distribution() {
        return distribution;
    }

    public String pageUrl() {
        return "https://" + distribution.getDistributionDomainName() + "/";
    }

    private ResponseHeadersPolicy securityHeaders() {
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("editeval: strict CSP and the usual hardening headers")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(CONTENT_SECURITY_POLICY).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(HSTS_MAX_AGE).includeSubdomains(true).override(true).build())
                        .build())
                .build();
    }
}
