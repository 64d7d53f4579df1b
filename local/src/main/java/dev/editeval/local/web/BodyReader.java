package dev.editeval.local.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body within a time limit, as API Gateway and CloudFront do not wait for a client that stops
 * sending. The read runs on a thread of its own so that, past the limit, the caller can answer first and then
 * {@link Reading#abandon} it: interrupting a thread blocked on a socket channel closes the connection.
 */
final class BodyReader implements AutoCloseable {

    /** A rating is a few kilobytes sent from the same machine: ten seconds is a stalled client, not a slow one. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private final Duration limit;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    BodyReader(Duration limit) {
        this.limit = limit;
    }

    /** The body read in the limit; empty past it, with the read still blocked until it is abandoned. */
    Reading read(InputStream body, int maxBytes) {
        return new Reading(readers.submit(() -> body.readNBytes(maxBytes)));
    }

    /** A body being read. */
    final class Reading {

        private final Future<byte[]> bytes;

        private Reading(Future<byte[]> bytes) {
            this.bytes = bytes;
        }

        Optional<byte[]> await() throws IOException {
            try {
                return Optional.of(bytes.get(limit.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new InterruptedIOException("interrupted while reading a request body");
            }
        }

        /** Stops the read and, with it, the connection. */
        void abandon() {
            bytes.cancel(true);
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
