package io.barlake.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * The AwsSolutions findings Barlake keeps on purpose, each with its reason. Everything else the
 * pack finds is fixed in the constructs (TLS-only topics, the state machine's full log and X-Ray,
 * traced functions, the VPC's flow log). Wildcards are suppressed only where they match the
 * resource patterns named here, so a new, broader grant still fails {@code NagTest}.
 */
final class NagRules {
    private NagRules() {}

    static void suppress(Stack stack) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Object grants are per dataset prefix of the lake (LakeAccess, checked by TemplateGrantsTest):"
                                + " S3 can only name objects that will exist as a prefix wildcard.")
                        .appliesTo(List.of(regex("^Resource::<LakeBucket[0-9A-Fa-f]+\\.Arn>/[A-Za-z0-9_./=-]*\\*$")))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Step Functions' Batch .sync integration submits jobs by definition and queue and must describe"
                                + " and terminate the jobs it started, whose ids are not known in advance.")
                        .appliesTo(List.of(regex("^Resource::arn:<AWS::Partition>:batch:<AWS::Region>:<AWS::AccountId>:job/\\*$")))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("The run report reads the history of this state machine's executions, whose names are made per run.")
                        .appliesTo(List.of(regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:"
                                + "[a-z0-9-]+-pipeline:\\*$")))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Batch writes each job's stream into /aws/batch/job under a name made per job.")
                        .appliesTo(List.of(regex("^Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:"
                                + "log-group:/aws/batch/job:\\*$")))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Actions AWS defines on no resource: X-Ray's PutTraceSegments/PutTelemetryRecords, ECR's"
                                + " GetAuthorizationToken, Batch's DescribeJobs and the state machine's log delivery set-up.")
                        .appliesTo(List.of("Resource::*"))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("AWSLambdaBasicExecutionRole grants only creating and writing this function's log streams.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("Java 21 is the newest Lambda runtime with SnapStart that the jars (built for Java 17) are"
                                + " tested on; moving runtimes is a tested change, not a template default.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-DDB3")
                        .reason("The limits table holds token buckets and today's counts that expire within days by TTL;"
                                + " a restore would bring back nothing worth having. The keys table has point-in-time recovery.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-S1")
                        .reason("A single-tenant lake written and read only by this stack's roles (public access blocked,"
                                + " TLS only); every object is versioned and CloudTrail keeps the management events."
                                + " Access logs would add a bucket and a write per request for no reader.")
                        .build()), true);
    }

    private static RegexAppliesTo regex(String pattern) {
        return RegexAppliesTo.builder().regex("/" + pattern + "/g").build();
    }
}
