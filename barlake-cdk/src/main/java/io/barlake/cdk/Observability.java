package io.barlake.cdk;

import io.barlake.lake.batch.JobMetrics;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What the engineer on call sees: the jobs' figures as metrics (metric filters over their
 * {@link JobMetrics} lines), alarms on the alerts topic when the consolidation refuses more than
 * {@value #REJECTION_PERCENT} % of what it received or holds a session back, when the API answers
 * 5xx to more than {@value #API_5XX_PERCENT} % of requests or its p99 latency passes
 * {@value #API_P99_MILLIS} ms, a monthly AWS Budget on the project's tagged costs, and one
 * CloudWatch dashboard with the pipeline, the data and the API side by side.
 */
public final class Observability extends Construct {
    static final int REJECTION_PERCENT = 5;
    static final int API_5XX_PERCENT = 5;
    static final int API_P99_MILLIS = 5_000;
    /** The monthly budget in US dollars unless the context says {@code -c monthlyBudget=N}. */
    static final int DEFAULT_MONTHLY_BUDGET = 10;

    private final String namespace;

    public Observability(Construct scope, String id, StageSettings settings, BatchJobs jobs, Pipeline pipeline, ServingApi api,
            Topic alerts) {
        super(scope, id);
        namespace = namespace(settings);
        SnsAction notify = new SnsAction(alerts);
        // Five custom metrics at $0.30 a month each (docs/cost.md): accepted is received less refused.
        for (String[] field : new String[][] {{"received", "RecordsReceived"}, {"refused", "RecordsRefused"},
                {"held", "SessionsHeld"}, {"objects_written", "ObjectsWritten"}}) {
            MetricFilter.Builder.create(this, field[1] + "Filter").logGroup(jobs.logs())
                    .filterPattern(FilterPattern.stringValue("$." + JobMetrics.FIELD, "=", "consolidate"))
                    .metricNamespace(namespace).metricName(field[1]).metricValue("$." + field[0]).defaultValue(0)
                    .build();
        }
        MetricFilter.Builder.create(this, "BucketsRebuiltFilter").logGroup(jobs.logs())
                .filterPattern(FilterPattern.stringValue("$." + JobMetrics.FIELD, "=", "resample"))
                .metricNamespace(namespace).metricName("BucketsRebuilt").metricValue("$.buckets_rebuilt").defaultValue(0).build();

        MathExpression rejection = MathExpression.Builder.create()
                .expression("IF(received > 0, 100 * refused / received, 0)")
                .usingMetrics(Map.of("refused", metric("RecordsRefused", Duration.days(1)), "received", metric("RecordsReceived",
                        Duration.days(1))))
                .label("records refused, %").period(Duration.days(1)).build();
        Alarm rejected = rejection.createAlarm(this, "RejectionRate", software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions
                .builder().alarmName(settings.prefix() + "-rejection-rate")
                .alarmDescription("The consolidation refused more than " + REJECTION_PERCENT + " % of the records it received in a day:"
                        + " silver/rejects/ says why")
                .threshold(REJECTION_PERCENT).evaluationPeriods(1).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).build());
        rejected.addAlarmAction(notify);
        Alarm held = metric("SessionsHeld", Duration.days(1)).createAlarm(this, "HeldSession",
                software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions.builder().alarmName(settings.prefix() + "-held-session")
                        .alarmDescription("The quality gate held a session back: silver/quality/ names it and why")
                        .threshold(1).evaluationPeriods(1).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING).build());
        held.addAlarmAction(notify);

        MathExpression errors = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                .usingMetrics(Map.of("errors", api.live().metric("Url5xxCount", MetricOptions.builder().statistic("Sum")
                        .period(Duration.minutes(5)).build()), "requests", api.live().metric("UrlRequestCount", MetricOptions.builder()
                        .statistic("Sum").period(Duration.minutes(5)).build())))
                .label("API 5xx, %").period(Duration.minutes(5)).build();
        Alarm serverErrors = errors.createAlarm(this, "Api5xxRate", software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions.builder()
                .alarmName(settings.prefix() + "-api-5xx-rate")
                .alarmDescription("More than " + API_5XX_PERCENT + " % of the API's answers were 5xx for 15 minutes: its log has the"
                        + " request ids").threshold(API_5XX_PERCENT).evaluationPeriods(3).datapointsToAlarm(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(TreatMissingData.NOT_BREACHING).build());
        serverErrors.addAlarmAction(notify);
        Metric latency = api.live().metric("UrlRequestLatency", MetricOptions.builder().statistic("p99").period(Duration.minutes(5))
                .build());
        Alarm slow = latency.createAlarm(this, "ApiLatencyP99", software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions.builder()
                .alarmName(settings.prefix() + "-api-p99-latency")
                .alarmDescription("The API's p99 latency passed " + API_P99_MILLIS + " ms for 15 minutes")
                .threshold(API_P99_MILLIS).evaluationPeriods(3).datapointsToAlarm(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(TreatMissingData.NOT_BREACHING).build());
        slow.addAlarmAction(notify);

        Object budget = getNode().tryGetContext("monthlyBudget");
        int dollars = budget == null ? DEFAULT_MONTHLY_BUDGET : Integer.parseInt(budget.toString().strip());
        CfnBudget.Builder.create(this, "MonthlyBudget")
                .budget(CfnBudget.BudgetDataProperty.builder().budgetName(settings.prefix() + "-monthly").budgetType("COST")
                        .timeUnit("MONTHLY").budgetLimit(CfnBudget.SpendProperty.builder().amount(dollars).unit("USD").build())
                        // The stack tags everything project=barlake; activate it as a cost allocation tag for this filter to see it.
                        .costFilters(Map.of("TagKeyValue", List.of("user:project$barlake"))).build())
                .notificationsWithSubscribers(List.of(
                        notification("ACTUAL", settings.alertEmail()), notification("FORECASTED", settings.alertEmail())))
                .build();

        Dashboard.Builder.create(this, "Dashboard").dashboardName(settings.prefix())
                .widgets(List.of(
                        List.of(TextWidget.Builder.create().markdown("# Barlake " + settings.stage() + "\nNightly pipeline, its data, and"
                                + " the API. Alarms mail the alerts topic; runs are in `barlake aws status`.").width(24).height(2).build()),
                        List.of(graph("Pipeline executions", List.of(pipeline.stateMachine().metricSucceeded(), pipeline.stateMachine()
                                        .metricFailed())),
                                graph("Records consolidated", List.of(metric("RecordsReceived", Duration.days(1)),
                                        metric("RecordsRefused", Duration.days(1)))),
                                graph("Refused %, sessions held", List.of(rejection, metric("SessionsHeld", Duration.days(1))))),
                        List.of(graph("Objects written", List.of(metric("ObjectsWritten", Duration.days(1)),
                                        metric("BucketsRebuilt", Duration.days(1)))),
                                graph("API requests and 5xx", List.of(api.live().metric("UrlRequestCount"), api.live().metric("Url5xxCount"),
                                        api.live().metric("Url4xxCount"))),
                                graph("API latency p99 (ms)", List.of(latency))),
                        List.of(graph("Sessions fetched", List.of(metric("SessionsFetched", Duration.days(1)))),
                                graph("API quota refusals", List.of(metric("QuotaRefusals", Duration.hours(1)))),
                                graph("Quote cache hits", List.of(metric("QuoteCacheHits", Duration.hours(1)))))))
                .build();
    }

    /** The stage's custom metrics' namespace: the Batch jobs' metric filters and the functions' embedded metrics. */
    static String namespace(StageSettings settings) {
        return "Barlake/" + settings.prefix();
    }

    private Metric metric(String name, Duration period) {
        return Metric.Builder.create().namespace(namespace).metricName(name).statistic("Sum").period(period).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(8).height(6).build();
    }

    private static CfnBudget.NotificationWithSubscribersProperty notification(String type, String email) {
        return CfnBudget.NotificationWithSubscribersProperty.builder()
                .notification(CfnBudget.NotificationProperty.builder().notificationType(type).comparisonOperator("GREATER_THAN")
                        .threshold(100).thresholdType("PERCENTAGE").build())
                .subscribers(List.of(CfnBudget.SubscriberProperty.builder().subscriptionType("EMAIL").address(email).build()))
                .build();
    }
}
