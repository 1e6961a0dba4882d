package io.barlake.lake.store;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server (S3Proxy, in memory) on a free loopback port, with signature checks
 * on, for integration tests of everything that talks to S3. Start one per test class.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "barlake-test-access";
    public static final String SECRET_KEY = "barlake-test-secret";

    private final S3Proxy proxy;
    private final AtomicInteger buckets = new AtomicInteger();

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /** Starts a server and waits until it accepts requests. */
    public static S3ProxyServer start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
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
        return new S3ProxyServer(proxy);
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

    /** A client for this server, built the way production builds one. */
    public S3Client client() {
        return ObjectStores.s3Client(environment());
    }

    /** Creates a fresh, empty bucket and returns its name. */
    public String createBucket() {
        String name = "lake-" + buckets.incrementAndGet();
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(name));
        }
        return name;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
