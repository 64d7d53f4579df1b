package dev.editeval.domain.topology;

import dev.editeval.domain.validation.JsonSchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The page's Content-Security-Policy, written once in {@code events/schema/content-security-policy.txt} and read by
 * CloudFront's headers policy (the stack), the local server and the page's fake API. Only where images and sign-in
 * traffic come from differs between them: {@code {images}} and {@code {auth}} in the file.
 */
public final class ContentSecurityPolicy {

    static final String RESOURCE = JsonSchemaCheck.SCHEMA_FOLDER + "content-security-policy.txt";

    private ContentSecurityPolicy() {
    }

    /**
     * @param imageSources where image links point besides the page itself (presigned S3 URLs), or empty
     * @param authSources  where the page signs in besides itself (the Cognito domain), or empty
     */
    public static String of(String imageSources, String authSources) {
        return template().replace(" {images}", sources(imageSources)).replace(" {auth}", sources(authSources));
    }

    private static String sources(String sources) {
        return sources.isBlank() ? "" : " " + sources.strip();
    }

    private static String template() {
        try (InputStream in = Objects.requireNonNull(ContentSecurityPolicy.class.getClassLoader()
                .getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
