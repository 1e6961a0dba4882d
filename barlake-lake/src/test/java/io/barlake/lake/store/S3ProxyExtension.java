package io.barlake.lake.store;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server (S3Proxy, in memory, signature checks on) on a free loopback port,
 * started before a test class and stopped after it:
 * {@code @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();}
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "barlake-test-access";
    public static final String SECRET_KEY = "barlake-test-secret";

    private final AtomicInteger buckets = new AtomicInteger();
    private S3Proxy proxy;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** The environment a Barlake process needs to reach this server. */
    public Map<String, String> environment() {
        return Map.of(
                ObjectStores.ENDPOINT_SETTING, endpoint(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Creates a fresh, empty bucket and returns its name. */
    public String createBucket() {
        String name = "lake-" + buckets.incrementAndGet();
        try (S3Client client = ObjectStores.s3Client(environment())) {
            client.createBucket(request -> request.bucket(name));
        }
        return name;
    }

    /** A store on a fresh bucket under the given prefix. */
    public ObjectStore newStore(String prefix) {
        return ObjectStores.open(LakeLocation.parse("s3://" + createBucket() + "/" + prefix, LakeLocation.SETTING),
                environment());
    }
}
