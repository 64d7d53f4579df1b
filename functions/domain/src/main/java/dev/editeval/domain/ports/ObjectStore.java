package dev.editeval.domain.ports;

import java.util.Optional;
import java.util.Set;

/** The bucket: objects by key. */
public interface ObjectStore {

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String key);

    /** The object's current version tag (ETag), or empty when there is no such key. */
    Optional<String> version(String key);

    void put(String key, byte[] bytes, String contentType);

    /** Every key under the prefix. */
    Set<String> list(String prefix);

    void delete(String key);
}
