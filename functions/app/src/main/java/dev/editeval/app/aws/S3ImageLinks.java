package dev.editeval.app.aws;

import dev.editeval.domain.ports.ImageLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned GET URLs: the only way a browser reaches an image, and only for a short while. */
public final class S3ImageLinks implements ImageLinks {

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration lifetime;

    public S3ImageLinks(S3Presigner presigner, String bucket, Duration lifetime) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.lifetime = lifetime;
    }

    @Override
    public URI link(String key) {
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(lifetime)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("presigned URL for " + key + " is not a URI", e);
        }
    }
}
