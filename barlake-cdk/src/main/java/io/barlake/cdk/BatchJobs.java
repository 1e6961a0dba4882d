package io.barlake.cdk;

import io.barlake.lake.batch.BatchJob;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.batch.Action;
import software.amazon.awscdk.services.batch.CustomReason;
import software.amazon.awscdk.services.batch.EcsFargateContainerDefinition;
import software.amazon.awscdk.services.batch.EcsJobDefinition;
import software.amazon.awscdk.services.batch.FargateComputeEnvironment;
import software.amazon.awscdk.services.batch.JobQueue;
import software.amazon.awscdk.services.batch.OrderedComputeEnvironment;
import software.amazon.awscdk.services.batch.Reason;
import software.amazon.awscdk.services.batch.RetryStrategy;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * AWS Batch on Fargate for the consolidator and the six resamplers: one compute environment on
 * Fargate Spot (the jobs are idempotent and the state machine retries them), one queue, two job
 * definitions of 2 vCPU and 4 GiB sharing one image. The VPC has public subnets only and an S3
 * gateway endpoint: no NAT gateway to pay for; tasks get a public IP to pull the image.
 */
public final class BatchJobs extends Construct {
    static final int VCPUS = 2;
    static final int MEMORY_GIB = 4;
    static final int MAX_VCPUS = 16;
    static final String CLI_JAR = "barlake-cli/target/barlake.jar";

    private final software.amazon.awscdk.services.logs.LogGroup logs;
    private final JobQueue queue;
    private final EcsJobDefinition consolidate;
    private final EcsJobDefinition resample;

    public BatchJobs(Construct scope, String id, StageSettings settings, LakeBucket lake) {
        super(scope, id);
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("jobs").subnetType(SubnetType.PUBLIC)
                        .cidrMask(24).build()))
                .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()))
                .build();
        // Refused connections only: the jobs talk to S3 and ECR, so a rejected packet is worth a look, and the log stays tiny.
        vpc.addFlowLog("RejectedTraffic", software.amazon.awscdk.services.ec2.FlowLogOptions.builder()
                .trafficType(software.amazon.awscdk.services.ec2.FlowLogTrafficType.REJECT)
                .destination(software.amazon.awscdk.services.ec2.FlowLogDestination.toCloudWatchLogs(
                        software.amazon.awscdk.services.logs.LogGroup.Builder.create(this, "FlowLogs")
                                .retention(software.amazon.awscdk.services.logs.RetentionDays.ONE_MONTH)
                                .removalPolicy(settings.production() ? software.amazon.awscdk.RemovalPolicy.RETAIN
                                        : software.amazon.awscdk.RemovalPolicy.DESTROY)
                                .build()))
                .build());
        FargateComputeEnvironment compute = FargateComputeEnvironment.Builder.create(this, "Compute")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .spot(true)
                .maxvCpus(MAX_VCPUS)
                .build();
        queue = JobQueue.Builder.create(this, "Queue")
                .jobQueueName(settings.prefix() + "-jobs")
                .computeEnvironments(List.of(OrderedComputeEnvironment.builder().computeEnvironment(compute).order(1).build()))
                .build();
        // The jobs' own log group (not Batch's shared default): the stack's metric filters read its JobMetrics lines.
        logs = software.amazon.awscdk.services.logs.LogGroup.Builder.create(this, "JobLogs")
                .logGroupName("/barlake/" + settings.prefix() + "/jobs")
                .retention(software.amazon.awscdk.services.logs.RetentionDays.ONE_MONTH)
                .removalPolicy(settings.production() ? software.amazon.awscdk.RemovalPolicy.RETAIN
                        : software.amazon.awscdk.RemovalPolicy.DESTROY)
                .build();
        ContainerImage image = image(settings);
        consolidate = job(settings, lake, "Consolidate", "io.barlake.consolidator.batch.ConsolidatorMain", image,
                LakeAccess.CONSOLIDATE);
        resample = job(settings, lake, "Resample", "io.barlake.resampler.batch.ResamplerMain", image, LakeAccess.RESAMPLE);
    }

    /** The project's docker/Dockerfile built on deploy, or the image of {@code imageRepository} pinned by digest. */
    private ContainerImage image(StageSettings settings) {
        if (settings.imageDigest().isPresent()) {
            return ContainerImage.fromEcrRepository(
                    Repository.fromRepositoryName(this, "ImageRepository", settings.imageRepository().orElseThrow()),
                    settings.imageDigest().get());
        }
        // The context is the project folder, but only what docker/Dockerfile copies: the image changes
        // (and is rebuilt on deploy) exactly when the jar or the logging configuration does.
        if (!Files.isRegularFile(settings.root().resolve(CLI_JAR))) {
            throw new IllegalStateException("No " + CLI_JAR + " for the Batch image: build it first with ./mvnw -DskipTests package");
        }
        return ContainerImage.fromAsset(settings.root().toString(), AssetImageProps.builder()
                .file("docker/Dockerfile")
                .platform(Platform.LINUX_AMD64)
                .ignoreMode(IgnoreMode.DOCKER)
                .exclude(List.of("*", "!docker", "!" + CLI_JAR))
                .build());
    }

    private EcsJobDefinition job(StageSettings settings, LakeBucket lake, String name, String mainClass, ContainerImage image,
            LakeAccess access) {
        Role role = Role.Builder.create(this, name + "JobRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Barlake " + settings.stage() + " " + name + " job: its lake prefixes only")
                .build();
        access.grant(role, lake.bucket());
        return EcsJobDefinition.Builder.create(this, name + "Job")
                .jobDefinitionName(settings.prefix() + "-" + LambdaFunctions.kebab(name))
                .container(EcsFargateContainerDefinition.Builder.create(this, name + "Container")
                        .image(image)
                        .cpu(VCPUS)
                        .memory(Size.gibibytes(MEMORY_GIB))
                        .assignPublicIp(true)
                        .command(List.of(mainClass))
                        .environment(Map.of("BARLAKE_LAKE", lake.location()))
                        .logging(software.amazon.awscdk.services.ecs.LogDriver.awsLogs(
                                software.amazon.awscdk.services.ecs.AwsLogDriverProps.builder().logGroup(logs)
                                        .streamPrefix(LambdaFunctions.kebab(name)).build()))
                        .jobRole(role)
                        .build())
                .timeout(Duration.hours(2))
                // Batch retries a failed job once, at once; never one that exited saying it can only fail again.
                .retryAttempts(BatchJob.ATTEMPTS)
                .retryStrategies(List.of(
                        RetryStrategy.of(Action.EXIT, Reason.custom(CustomReason.builder()
                                .onExitCode(Integer.toString(BatchJob.BAD_SETTING)).build())),
                        RetryStrategy.of(Action.EXIT, Reason.custom(CustomReason.builder()
                                .onExitCode(Integer.toString(BatchJob.DAMAGED)).build()))))
                .build();
    }

    /** Where the jobs log, one stream per job. */
    public software.amazon.awscdk.services.logs.LogGroup logs() {
        return logs;
    }

    public JobQueue queue() {
        return queue;
    }

    public EcsJobDefinition consolidate() {
        return consolidate;
    }

    public EcsJobDefinition resample() {
        return resample;
    }
}
