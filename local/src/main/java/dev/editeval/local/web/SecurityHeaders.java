package dev.editeval.local.web;

import com.sun.net.httpserver.Headers;
import java.net.URI;

/** The headers CloudFront's response headers policy sets in AWS, set here alike. */
final class SecurityHeaders {

    private final String contentSecurityPolicy;

    /** @param imageOrigin where presigned image links point (the S3 endpoint) */
    SecurityHeaders(URI imageOrigin) {
        String images = imageOrigin.getScheme() + "://" + imageOrigin.getAuthority();
        this.contentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data: " + images
                + "; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none';"
                + " base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    void apply(Headers headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
