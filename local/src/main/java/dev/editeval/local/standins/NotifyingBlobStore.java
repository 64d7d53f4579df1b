package dev.editeval.local.standins;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** The S3 -> SQS notification stand-in: a store wrapper that tells listeners of each object it has stored. */
final class NotifyingBlobStore extends ForwardingBlobStore {

    static final String PUT = "ObjectCreated:Put";
    static final String COPY = "ObjectCreated:Copy";
    static final String COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload";

    /** S3Proxy's own bookkeeping objects (multipart stubs) go through putBlob too, but are no one's upload. */
    private static final String S3PROXY_RESERVED_PREFIX = ".s3proxy-";

    private final List<ObjectCreatedListener> listeners = new CopyOnWriteArrayList<>();

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    ObjectCreatedListener.Registration addListener(ObjectCreatedListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        PutObjectResponse response = super.putBlob(request, payload);
        objectCreated(PUT, request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        objectCreated(COPY, request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        objectCreated(COMPLETE_MULTIPART_UPLOAD, upload.containerName(), upload.blobName());
        return response;
    }

    private void objectCreated(String eventName, String bucket, String key) {
        if (listeners.isEmpty() || key.startsWith(S3PROXY_RESERVED_PREFIX)) {
            return;
        }
        // the stored object, not the request, says the size: an aws-chunked body's length is not the object's
        var stored = delegate().blobMetadata(bucket, key);
        String eTag = unquoted(stored.eTag());
        for (ObjectCreatedListener listener : listeners) {
            listener.onObjectCreated(eventName, bucket, key, stored.contentLength(), eTag);
        }
    }

    private static String unquoted(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag == null ? "" : eTag;
    }
}
