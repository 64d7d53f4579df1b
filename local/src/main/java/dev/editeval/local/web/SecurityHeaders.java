package dev.editeval.local.web;

import com.sun.net.httpserver.Headers;
import dev.editeval.domain.topology.ContentSecurityPolicy;
import java.net.URI;

/** The headers CloudFront's response headers policy sets in AWS, set here alike. */
final class SecurityHeaders {

    private final String contentSecurityPolicy;

    /** @param imageOrigin where presigned image links point (the S3 endpoint) */
    SecurityHeaders(URI imageOrigin) {
        String images = imageOrigin.getScheme() + "://" + imageOrigin.getAuthority();
        this.contentSecurityPolicy = ContentSecurityPolicy.of(images, "");
    }

    void apply(Headers headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
