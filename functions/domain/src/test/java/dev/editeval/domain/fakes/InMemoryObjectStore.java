package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.ObjectStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bucket in a map. The version tag is the quoted MD5 of the bytes, as S3 gives for a single-part put, so the same
 * bytes put twice keep their tag. Every put is recorded in order, to check what was written last.
 */
public final class InMemoryObjectStore implements ObjectStore {

    /** One stored object. */
    public record StoredObject(byte[] bytes, String contentType, String eTag) {

        public StoredObject {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final Map<String, StoredObject> objects = new TreeMap<>();
    private final List<String> puts = new ArrayList<>();

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(StoredObject::bytes);
    }

    @Override
    public synchronized Optional<String> version(String key) {
        return Optional.ofNullable(objects.get(key)).map(StoredObject::eTag);
    }

    @Override
    public synchronized void put(String key, byte[] bytes, String contentType) {
        objects.put(key, new StoredObject(bytes, contentType, "\"" + md5(bytes) + "\""));
        puts.add(key);
    }

    @Override
    public synchronized Set<String> list(String prefix) {
        Set<String> keys = new TreeSet<>();
        objects.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return keys;
    }

    @Override
    public synchronized void delete(String key) {
        objects.remove(key);
    }

    /** The object under the key, with its content type; empty when there is none. */
    public synchronized Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Every key put, in the order of the puts, a key once per put. */
    public synchronized List<String> puts() {
        return List.copyOf(puts);
    }

    public synchronized Set<String> keys() {
        return new TreeSet<>(objects.keySet());
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
