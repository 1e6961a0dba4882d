package io.barlake.lake.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The Lambda deployment jar (classifier {@code lambda}) that the module under test packaged in
 * its {@code target} folder, as the CDK app uploads it: its unpacked size, its entries, and a
 * JVM started on it alone, as Lambda would.
 */
public record LambdaJar(Path path) {
    /** Lambda's limit on a function's unzipped code: 250 MiB. */
    public static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    /** The jar of the module whose tests run (the working directory is the module's). */
    public static LambdaJar ofThisModule() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return new LambdaJar(files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-lambda.jar in target: run the package phase first"))
                    .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of every entry once unzipped, which is what Lambda's limit counts. */
    public long unpackedBytes() {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String entry) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -cp <jar> mainClass args…}, with this JVM's {@code java}. */
    public ProcessBuilder launch(String mainClass, String... args) {
        return launch(List.of(), mainClass, args);
    }

    /** {@code java -cp <jar>:<more>… mainClass args…}: the jar first, then a launcher's own classes. */
    public ProcessBuilder launch(List<Path> moreClassPath, String mainClass, String... args) {
        StringBuilder classPath = new StringBuilder(path.toString());
        for (Path more : moreClassPath) {
            classPath.append(File.pathSeparator).append(more.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.toString(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
