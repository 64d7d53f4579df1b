package dev.editeval.domain.ports;

import java.net.URI;

/** Short-lived links through which a browser may read one stored object. */
public interface ImageLinks {

    URI link(String key);
}
