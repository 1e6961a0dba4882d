package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import io.barlake.lake.store.S3ProxyExtension;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code barlake status} on a lake in S3 (S3Proxy), and on an S3 endpoint that is not there. */
class StatusS3IT {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Test
    void statusReadsAnS3Lake() {
        String lake = "s3://" + S3.createBucket() + "/prod";
        Map<String, String> environment = new HashMap<>(S3.environment());
        environment.put("BARLAKE_LAKE", lake);

        CliRun empty = CliRun.execute(environment, "status");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("Lake: " + lake + "/", "empty lake");

        try (ObjectStore store = ObjectStores.open(LakeLocation.parse(lake, "test"), S3.environment())) {
            LakeFixtures.fill(store);
        }
        CliRun filled = CliRun.execute(environment, "status");
        assertThat(filled.exitCode()).isZero();
        assertThat(filled.out().lines()).anySatisfy(line -> assertThat(line).matches(
                "silver/daily +1 +[0-9.]+ KiB +21 +63 +3 +2025-05-01 +2025-05-30"));
    }

    @Test
    void anUnreachableS3EndpointIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> environment = new HashMap<>(S3.environment());
        environment.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort);
        environment.put("BARLAKE_LAKE", "s3://nowhere/lake");

        CliRun run = CliRun.execute(environment, "status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("barlake: Cannot list '' in s3://nowhere/lake/: ")
                .contains("127.0.0.1:" + closedPort);
    }
}
