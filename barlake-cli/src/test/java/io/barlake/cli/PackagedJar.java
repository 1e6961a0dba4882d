package io.barlake.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shaded jar the build packaged, run as a real process by this JVM's java, as the ./barlake launcher runs it. */
final class PackagedJar {
    static final Path JAR = Path.of("target", "barlake.jar").toAbsolutePath();

    private PackagedJar() {}

    /** {@code java -jar target/barlake.jar ARGS}. */
    static List<String> barlake(String... args) {
        return barlake(List.of(), args);
    }

    /** {@code java JVM_OPTIONS -jar target/barlake.jar ARGS}. */
    static List<String> barlake(List<String> jvmOptions, String... args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java JVM_OPTIONS -cp target/barlake.jar MAIN}: one of the Batch mains the image runs. */
    static List<String> main(List<String> jvmOptions, String mainClass) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", JAR.toString(), mainClass));
        return command;
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        return command;
    }
}
