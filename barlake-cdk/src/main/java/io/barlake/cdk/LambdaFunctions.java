package io.barlake.cdk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * How every Barlake Lambda function is built: Java 21 on ARM, SnapStart on published versions
 * (each is invoked through a {@code live} alias, which publishes one), a log group kept a month,
 * and Logback configured by {@value #LOGBACK_CONFIGURATION} from the lake module: INFO and above,
 * AWS SDK and Hadoop chatter only when it is a warning.
 */
final class LambdaFunctions {
    /** The Logback file inside every Lambda jar (from {@code barlake-lake}'s resources). */
    static final String LOGBACK_CONFIGURATION = "barlake-lambda-logback.xml";

    private LambdaFunctions() {}

    static Function create(Construct scope, StageSettings settings, String name, String handler, Code code, int memory,
            Duration timeout, Map<String, String> environment) {
        LogGroup logs = LogGroup.Builder.create(scope, name + "Logs")
                .logGroupName("/aws/lambda/" + settings.prefix() + "-" + kebab(name))
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Map<String, String> withLogging = new LinkedHashMap<>(environment);
        withLogging.put("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + LOGBACK_CONFIGURATION);
        Function function = Function.Builder.create(scope, name)
                .functionName(settings.prefix() + "-" + kebab(name))
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler + "::handleRequest")
                .code(code)
                .memorySize(memory)
                .timeout(timeout)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(software.amazon.awscdk.services.lambda.Tracing.ACTIVE)
                .environment(withLogging)
                .logGroup(logs)
                .description("Barlake " + settings.stage() + ": " + name)
                .build();
        // CDK warns that SnapStart needs a published version: the live alias publishes one.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through the live alias that is invoked");
        return function;
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
