package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The on-call view as the template declares it: the jobs log to the stack's group, whose metric
 * filters read the jobs' metrics lines; the rejection-rate, held-session, API 5xx and p99 alarms
 * mail the alerts topic; a monthly budget on the project's tag mails the operator; one dashboard.
 */
class ObservabilityTest {
    static Template template;

    @BeforeAll
    static void synthesize() {
        template = BarlakeStackTest.synth(Map.of("stage", "staging", "monthlyBudget", "7"));
    }

    @Test
    void theJobsLogToTheStacksGroupWhoseFiltersMakeTheirMetricsLinesMetrics() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/barlake/barlake-staging/jobs",
                "RetentionInDays", 30));
        template.hasResourceProperties("AWS::Batch::JobDefinition", Map.of("ContainerProperties", Match.objectLike(Map.of(
                "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs", "Options", Match.objectLike(Map.of(
                        "awslogs-stream-prefix", "consolidate"))))))));
        for (String[] metric : new String[][] {{"RecordsReceived", "$.received"}, {"RecordsRefused", "$.refused"},
                {"SessionsHeld", "$.held"}, {"ObjectsWritten", "$.objects_written"}}) {
            template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                    "FilterPattern", "{ $.barlake_metrics = \"consolidate\" }",
                    "MetricTransformations", List.of(Map.of("MetricNamespace", "Barlake/barlake-staging", "MetricName", metric[0],
                            "MetricValue", metric[1], "DefaultValue", 0))));
        }
    }

    @Test
    void fourAlarmsMailTheAlertsTopic() {
        for (String[] alarm : new String[][] {{"barlake-staging-rejection-rate", "5"}, {"barlake-staging-held-session", "1"},
                {"barlake-staging-api-5xx-rate", "5"}, {"barlake-staging-api-p99-latency", "5000"}}) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", alarm[0],
                    "Threshold", Integer.parseInt(alarm[1]), "TreatMissingData", "notBreaching",
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("Alerts.*")))));
        }
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "barlake-staging-api-p99-latency",
                "ExtendedStatistic", "p99", "MetricName", "UrlRequestLatency"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "barlake-staging-rejection-rate",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "IF(received > 0, 100 * refused / received, 0)"))))));
    }

    @Test
    void aMonthlyBudgetOnTheProjectsTagAndOneDashboard() {
        template.hasResourceProperties("AWS::Budgets::Budget", Map.of("Budget", Map.of("BudgetName", "barlake-staging-monthly",
                "BudgetType", "COST", "TimeUnit", "MONTHLY", "BudgetLimit", Map.of("Amount", 7, "Unit", "USD"),
                "CostFilters", Map.of("TagKeyValue", List.of("user:project$barlake"))),
                "NotificationsWithSubscribers", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Notification", Map.of("NotificationType", "FORECASTED", "ComparisonOperator", "GREATER_THAN", "Threshold", 100,
                                "ThresholdType", "PERCENTAGE"),
                        "Subscribers", List.of(Map.of("SubscriptionType", "EMAIL", "Address", "quant@example.com"))))))));
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = template.toJSON().toString();
        assertThat(body).contains("Records consolidated", "API latency p99 (ms)", "Sessions fetched", "API quota refusals",
                "Quote cache hits");
        // The functions that print embedded metrics are told the same namespace the dashboard reads.
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "barlake-staging-api", "Environment",
                Map.of("Variables", Match.objectLike(Map.of("BARLAKE_METRICS_NAMESPACE", "Barlake/barlake-staging")))));
    }
}
