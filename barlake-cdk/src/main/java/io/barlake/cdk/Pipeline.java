package io.barlake.cdk;

import io.barlake.statemachine.PipelineDefinition;
import io.barlake.statemachine.Placeholder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The state machine from the one {@code pipeline.asl.json}, every placeholder substituted; the
 * weekday schedule that starts it; and two alarms on the alerts topic: an execution failed, and a
 * weekday passed without a successful execution.
 */
public final class Pipeline extends Construct {
    /**
     * The weekday guard of the missed-run alarm: a daily sum of successful executions, missing
     * days filled with 0, and Saturdays and Sundays ({@code DAY} 6 and 7) counted as fine.
     */
    static final String WEEKDAY_SUCCEEDED = "IF(DAY(FILL(succeeded, 0)) < 6, FILL(succeeded, 0), 1)";

    private final Topic alerts;
    private final StateMachine stateMachine;

    public Pipeline(Construct scope, String id, StageSettings settings, PipelineFunctions functions, BatchJobs jobs,
            Topic alerts) {
        super(scope, id);
        this.alerts = alerts;

        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(stateMachineName(settings))
                .definitionBody(DefinitionBody.fromString(PipelineDefinition.text()))
                .definitionSubstitutions(substitutions(functions, jobs, alerts))
                .timeout(Duration.hours(12))
                // Every state's input and output reach the log: an on-call engineer reads why a run took the path it did.
                .logs(software.amazon.awscdk.services.stepfunctions.LogOptions.builder()
                        .destination(software.amazon.awscdk.services.logs.LogGroup.Builder.create(this, "ExecutionLogs")
                                .logGroupName("/aws/vendedlogs/states/" + settings.prefix() + "-pipeline")
                                .retention(software.amazon.awscdk.services.logs.RetentionDays.ONE_MONTH)
                                .removalPolicy(settings.production() ? software.amazon.awscdk.RemovalPolicy.RETAIN
                                        : software.amazon.awscdk.RemovalPolicy.DESTROY)
                                .build())
                        .level(software.amazon.awscdk.services.stepfunctions.LogLevel.ALL)
                        .includeExecutionData(true)
                        .build())
                .tracingEnabled(true)
                .build();
        functions.fetchBars().grantInvoke(stateMachine);
        functions.fetchReference().grantInvoke(stateMachine);
        functions.scan().grantInvoke(stateMachine);
        functions.reportRun().grantInvoke(stateMachine);
        alerts.grantPublish(stateMachine);
        allowBatchSync(jobs);

        Rule.Builder.create(this, "Nightly")
                .ruleName(settings.prefix() + "-nightly")
                .description("Barlake nightly run after the close, weekdays")
                .schedule(Schedule.expression(settings.schedule()))
                .targets(List.of(SfnStateMachine.Builder.create(stateMachine)
                        .input(RuleTargetInput.fromObject(Map.of("mode", "nightly"))).build()))
                .build();

        SnsAction notify = new SnsAction(alerts);
        Alarm failed = stateMachine.metricFailed(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build())
                .createAlarm(this, "ExecutionFailed", CreateAlarmOptions.builder()
                        .alarmName(settings.prefix() + "-execution-failed")
                        .alarmDescription("A Barlake pipeline execution failed: the e-mail from NotifyFailure says why")
                        .threshold(1).evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING).build());
        failed.addAlarmAction(notify);
        Alarm missed = MathExpression.Builder.create()
                .expression(WEEKDAY_SUCCEEDED)
                .usingMetrics(Map.of("succeeded", stateMachine.metricSucceeded(
                        MetricOptions.builder().period(Duration.days(1)).statistic("Sum").build())))
                .period(Duration.days(1))
                .label("Successful executions on a weekday")
                .build()
                .createAlarm(this, "NoSuccessOnASessionDay", CreateAlarmOptions.builder()
                        .alarmName(settings.prefix() + "-no-success-on-a-session-day")
                        .alarmDescription("No Barlake pipeline execution succeeded on a weekday: the lake is a day behind")
                        .threshold(1).evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                        .treatMissingData(TreatMissingData.BREACHING).build());
        missed.addAlarmAction(notify);
    }

    /** Every placeholder's ARN; the switch has no default, so a new placeholder does not compile until it is bound here. */
    /** The state machine's name, known before it exists: the run report function's permissions name its executions by it. */
    static String stateMachineName(StageSettings settings) {
        return settings.prefix() + "-pipeline";
    }

    static Map<String, String> substitutions(PipelineFunctions functions, BatchJobs jobs, Topic alerts) {
        Map<String, String> values = new TreeMap<>();
        for (Placeholder placeholder : Placeholder.values()) {
            values.put(placeholder.name(), switch (placeholder) {
                case FetchBarsFunctionArn -> functions.fetchBars().getFunctionArn();
                case FetchReferenceFunctionArn -> functions.fetchReference().getFunctionArn();
                case ScanFunctionArn -> functions.scan().getFunctionArn();
                case ReportRunFunctionArn -> functions.reportRun().getFunctionArn();
                case JobQueueArn -> jobs.queue().getJobQueueArn();
                case ConsolidateJobDefinitionArn -> jobs.consolidate().getJobDefinitionArn();
                case ResampleJobDefinitionArn -> jobs.resample().getJobDefinitionArn();
                case AlertTopicArn -> alerts.getTopicArn();
            });
        }
        return values;
    }

    /** What {@code batch:submitJob.sync} needs: submit to this queue and these definitions, follow the job's events. */
    private void allowBatchSync(BatchJobs jobs) {
        Stack stack = Stack.of(this);
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("batch:SubmitJob"))
                .resources(List.of(jobs.queue().getJobQueueArn(), jobs.consolidate().getJobDefinitionArn(),
                        jobs.resample().getJobDefinitionArn()))
                .build());
        // DescribeJobs has no resource-level permission in IAM: "*" is the only resource it takes.
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("batch:DescribeJobs")).resources(List.of("*")).build());
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("batch:TerminateJob"))
                .resources(List.of(stack.formatArn(ArnComponents.builder().service("batch").resource("job").resourceName("*")
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                .build());
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"))
                .resources(List.of(stack.formatArn(ArnComponents.builder().service("events")
                        .resource("rule").resourceName("StepFunctionsGetEventsForBatchJobsRule")
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                .build());
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public Topic alerts() {
        return alerts;
    }
}
