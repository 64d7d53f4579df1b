package dev.editeval.local.standins;

import dev.editeval.app.runtime.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** S3Proxy, embedded, on a filesystem store: every bucket a folder under {@code baseDir}, every object a file. */
final class S3StandIn implements AutoCloseable {

    static final String NAME = "S3 stand-in (S3Proxy)";

    /** The rating page reads images from another origin (and draws them on a canvas for the change overlay). */
    private static final CrossOriginResourceSharing READ_FROM_ANY_ORIGIN = new CrossOriginResourceSharing(
            List.of("*"), List.of("GET", "HEAD"), List.of("*"), List.of(), "");

    /** In-flight requests get this long to finish at close; a local runtime is never mid-upload for longer. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final S3Proxy proxy;
    private final NotifyingBlobStore store;
    private final URI endpoint;

    private S3StandIn(S3Proxy proxy, NotifyingBlobStore store, URI endpoint) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
    }

    static S3StandIn start(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 folder " + baseDir, e);
        }
        var store = new NotifyingBlobStore(new FilesystemNio2BlobStore(baseDir.toString()));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                // V4 as the SDKs sign; V2 too, because the AWS CLI v1's `aws s3 presign` still signs with it
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalAccount.ACCESS_KEY_ID,
                        LocalAccount.SECRET_ACCESS_KEY)
                .corsRules(READ_FROM_ANY_ORIGIN)
                .stopTimeout(STOP_TIMEOUT_MILLIS)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new StandInStartException(NAME + " could not listen on 127.0.0.1:" + port + ": " + e, e);
        }
        return new S3StandIn(proxy, store, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    ObjectCreatedListener.Registration addListener(ObjectCreatedListener listener) {
        return store.addListener(listener);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(NAME + " did not stop cleanly", e);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // it never started; the start failure is the one to report
        }
    }
}
