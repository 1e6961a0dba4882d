package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.access.LakeGrants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lake keys each component's role may read, write and delete in the synthesized template are
 * exactly its {@link LakeGrants}. With {@code LakeGrantsTest} (barlake-cli), which runs every
 * component against a recording store and holds each key it touched against the same grants, this
 * makes a key that IAM would refuse on AWS fail the build: recorded keys ⊆ grants = template.
 */
class TemplateGrantsTest {
    /** Each component's entry point as the template names it, and its grants. */
    private static final Map<String, LakeGrants> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("io.barlake.fetchers.lambda.FetchBarsHandler", LakeGrants.FETCH_BARS);
        COMPONENTS.put("io.barlake.fetchers.lambda.FetchReferenceHandler", LakeGrants.FETCH_REFERENCE);
        COMPONENTS.put("io.barlake.consolidator.batch.ConsolidatorMain", LakeGrants.CONSOLIDATE);
        COMPONENTS.put("io.barlake.resampler.batch.ResamplerMain", LakeGrants.RESAMPLE);
        COMPONENTS.put("io.barlake.signals.lambda.ScanHandler", LakeGrants.SCAN);
        COMPONENTS.put("io.barlake.serving.lambda.HttpApiHandler", LakeGrants.SERVING);
        COMPONENTS.put("io.barlake.signals.lambda.RunReportHandler", LakeGrants.REPORT_RUN);
    }

    private static Map<String, Object> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() {
        resources = (Map<String, Object>) BarlakeStackTest.synth(Map.of("stage", "staging")).toJSON().get("Resources");
    }

    @Test
    void eachComponentsRoleGrantsExactlyItsLakeKeys() {
        for (Map.Entry<String, LakeGrants> component : COMPONENTS.entrySet()) {
            String role = roleOf(component.getKey());
            Map<String, Set<String>> granted = objectGrants(role);
            assertThat(granted.getOrDefault("s3:GetObject", Set.of())).as(component.getKey() + " reads")
                    .isEqualTo(new TreeSet<>(component.getValue().read()));
            assertThat(granted.getOrDefault("s3:PutObject", Set.of())).as(component.getKey() + " writes")
                    .isEqualTo(new TreeSet<>(component.getValue().write()));
            assertThat(granted.getOrDefault("s3:DeleteObject", Set.of())).as(component.getKey() + " deletes")
                    .isEqualTo(new TreeSet<>(component.getValue().delete()));
        }
    }

    /** The role of the Lambda function whose handler, or the Batch job whose command, is {@code entryPoint}. */
    @SuppressWarnings("unchecked")
    private static String roleOf(String entryPoint) {
        List<String> roles = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if ("AWS::Lambda::Function".equals(resource.get("Type"))
                    && String.valueOf(properties.get("Handler")).startsWith(entryPoint)) {
                roles.add(getAttTarget(properties.get("Role")));
            } else if ("AWS::Batch::JobDefinition".equals(resource.get("Type"))) {
                Map<String, Object> container = (Map<String, Object>) properties.getOrDefault("ContainerProperties", Map.of());
                if (String.valueOf(container.get("Command")).contains(entryPoint)) {
                    roles.add(getAttTarget(container.get("JobRoleArn")));
                }
            }
        });
        assertThat(roles).as("the role of " + entryPoint).isNotEmpty();
        assertThat(new TreeSet<>(roles)).as("one role for " + entryPoint).hasSize(1);
        return roles.get(0);
    }

    /** Action → the lake keys or prefixes (ending in {@code /} or {@code -}) that the role's policies allow on the bucket's objects. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> objectGrants(String role) {
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        resources.values().forEach(value -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if (!"AWS::IAM::Policy".equals(resource.get("Type"))
                    || !String.valueOf(properties.get("Roles")).contains("Ref=" + role + "}")) {
                return;
            }
            Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                for (Object action : list(statement.get("Action"))) {
                    if (String.valueOf(action).startsWith("s3:") && String.valueOf(action).endsWith("Object")) {
                        list(statement.get("Resource")).forEach(arn -> granted.computeIfAbsent(String.valueOf(action),
                                a -> new TreeSet<>()).add(objectKey(arn)));
                    }
                }
            }
        });
        return granted;
    }

    /** {@code {"Fn::Join":["",[{"Fn::GetAtt":[bucket,"Arn"]},"/silver/daily/*"]]}} → {@code silver/daily/}. */
    @SuppressWarnings("unchecked")
    private static String objectKey(Object arn) {
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) arn).get("Fn::Join")).get(1);
        String suffix = String.valueOf(parts.get(parts.size() - 1));
        assertThat(suffix).as("an object ARN of the lake bucket").startsWith("/");
        String key = suffix.substring(1);
        return key.endsWith("*") ? key.substring(0, key.length() - 1) : key;
    }

    @SuppressWarnings("unchecked")
    private static String getAttTarget(Object value) {
        return String.valueOf(((List<Object>) ((Map<String, Object>) value).get("Fn::GetAtt")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> values ? (List<Object>) values : List.of(value);
    }
}
