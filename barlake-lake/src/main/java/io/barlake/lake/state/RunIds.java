package io.barlake.lake.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Run ids that sort by start time and are unique enough for one lake:
 * {@code 20250602t210500z-3f9a1c}.
 */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'")
            .withZone(ZoneOffset.UTC);

    private RunIds() {}

    /** A new id for a run starting at {@code start}. */
    public static String next(Instant start, RandomGenerator random) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return FORMAT.format(start) + "-" + HexFormat.of().formatHex(suffix);
    }
}
