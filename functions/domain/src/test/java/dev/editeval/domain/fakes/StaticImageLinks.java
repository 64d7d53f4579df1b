package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.ImageLinks;
import java.net.URI;

/** Links under a fixed base, standing in for presigned URLs: the key shows in the link as it would in S3's. */
public final class StaticImageLinks implements ImageLinks {

    private final String base;

    public StaticImageLinks(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    @Override
    public URI link(String key) {
        return URI.create(base + key + "?X-Amz-Expires=1200");
    }
}
