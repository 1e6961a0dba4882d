package io.barlake.lake.store;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lake in an S3 bucket under an optional prefix, on AWS or on any S3-compatible server.
 *
 * <p>Every write is a single PUT of the whole object, so an object under a final key is always
 * complete; {@link #write} buffers the content in memory first and sends nothing when the writer
 * fails. {@link #putIfAbsent} uses a conditional PUT ({@code If-None-Match: *}).
 */
public final class S3ObjectStore implements ObjectStore {
    private static final int DELETE_BATCH = 1000;
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final boolean ownsClient;

    /**
     * @param client     the S3 client
     * @param bucket     bucket name
     * @param prefix     key prefix inside the bucket, {@code ""} or ending with {@code /}
     * @param ownsClient whether {@link #close()} closes the client
     */
    public S3ObjectStore(S3Client client, String bucket, String prefix, boolean ownsClient) {
        this.client = requireNonNull(client, "client is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must be empty or end with '/', was '" + prefix + "'");
        }
        this.ownsClient = ownsClient;
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void put(String key, byte[] content) {
        requireNonNull(content, "content is null");
        String objectKey = objectKey(key);
        try {
            client.putObject(request -> request.bucket(bucket).key(objectKey), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void write(String key, ContentWriter writer) {
        requireNonNull(writer, "writer is null");
        ObjectKeys.requireValid(key);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            writer.writeTo(buffer);
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot write " + key + " in " + location() + ": " + e.getMessage(), e);
        }
        put(key, buffer.toByteArray());
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        requireNonNull(content, "content is null");
        String objectKey = objectKey(key);
        try {
            client.putObject(request -> request.bucket(bucket).key(objectKey).ifNoneMatch("*"),
                    RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT) {
                return false;
            }
            throw failure("write", key, e);
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        String objectKey = objectKey(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(request -> request.bucket(bucket).key(objectKey));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Cannot read a negative range: offset " + offset + ", length " + length);
        }
        String objectKey = objectKey(key);
        if (length == 0) {
            if (head(key).isEmpty()) {
                throw new ObjectStoreException("Cannot read " + key + " in " + location() + ": no such object");
            }
            return new byte[0];
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(objectKey).range(range)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + location() + ": no such object", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) { // range starts at or past the end
                return new byte[0];
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        String objectKey = objectKey(key);
        try {
            HeadObjectResponse response = client.headObject(request -> request.bucket(bucket).key(objectKey));
            return Optional.of(new ObjectInfo(key, response.contentLength(), response.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String keyPrefix) {
        ObjectKeys.requireValidPrefix(keyPrefix);
        List<ObjectInfo> found = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket)
                    .prefix(prefix + keyPrefix)).contents()) {
                String key = object.key().substring(prefix.length());
                found.add(new ObjectInfo(key, object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw new ObjectStoreException("Cannot list '" + keyPrefix + "' in " + location() + ": " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public void delete(Collection<String> keys) {
        requireNonNull(keys, "keys is null");
        List<ObjectIdentifier> identifiers = keys.stream()
                .map(key -> ObjectIdentifier.builder().key(objectKey(key)).build())
                .toList();
        for (int from = 0; from < identifiers.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = identifiers.subList(from, Math.min(identifiers.size(), from + DELETE_BATCH));
            try {
                DeleteObjectsResponse response = client.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    var error = response.errors().get(0);
                    throw new ObjectStoreException("Cannot delete " + error.key() + " in " + location() + ": "
                            + error.code() + " " + error.message() + " (" + response.errors().size() + " failed)");
                }
            } catch (SdkException e) {
                throw new ObjectStoreException("Cannot delete " + batch.size() + " objects in " + location() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + location() + "]";
    }

    private String objectKey(String key) {
        return prefix + ObjectKeys.requireValid(key);
    }

    private ObjectStoreException failure(String action, String key, SdkException e) {
        return new ObjectStoreException("Cannot " + action + " " + key + " in " + location() + ": " + e.getMessage(), e);
    }
}
