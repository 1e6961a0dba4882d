package io.barlake.signals.lambda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Calls {@link ScanHandler} as the Lambda runtime would (event on standard input, result on
 * standard output), for {@link ScanLambdaJarIT} to run against the deployment jar's classpath.
 */
public final class ScanJarLauncher {
    private ScanJarLauncher() {}

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ScanHandler().handleRequest(System.in, out, null);
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }
}
