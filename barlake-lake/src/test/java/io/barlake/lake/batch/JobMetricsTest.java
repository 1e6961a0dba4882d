package io.barlake.lake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two metrics lines: a Batch job's, read by the stack's metric filters, and a function's in
 * CloudWatch's embedded metric format, checked against the format's specification (a root
 * {@code _aws} with a millisecond {@code Timestamp} and one {@code CloudWatchMetrics} directive whose
 * {@code Namespace}, {@code Dimensions} and {@code Metrics} name members of the root).
 */
class JobMetricsTest {
    @Test
    void aJobsLineIsOneFlatJsonObjectNamingTheJobAndTheRun() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("received", 12_000L);
        counts.put("refused", 3L);
        String line = JobMetrics.line("consolidate", "20250602t210500z-c0ffee", counts);
        assertThat(line).doesNotContain("\n").isEqualTo(
                "{\"barlake_metrics\":\"consolidate\",\"run_id\":\"20250602t210500z-c0ffee\",\"received\":12000,\"refused\":3}");
    }

    @Test
    void aFunctionsLineFollowsTheEmbeddedMetricFormat() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("SessionsFetched", 4L);
        String line = JobMetrics.embedded("Barlake/barlake-staging", Instant.parse("2025-06-03T21:05:00Z"), counts);
        assertThat(line).doesNotContain("\n");
        JsonNode root = new ObjectMapper().readTree(line);
        JsonNode aws = root.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(Instant.parse("2025-06-03T21:05:00Z").toEpochMilli());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Barlake/barlake-staging");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"SessionsFetched\",\"Unit\":\"Count\"}]");
        // Every metric the directive names is a member of the root, with its value.
        for (JsonNode metric : directive.path("Metrics")) {
            assertThat(root.path(metric.path("Name").asText()).asLong()).isEqualTo(4);
        }
    }
}
