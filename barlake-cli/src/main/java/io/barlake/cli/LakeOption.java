package io.barlake.cli;

import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --lake} flag, falling back to {@code BARLAKE_LAKE}, then to {@code ./lake}. */
final class LakeOption {
    @Option(names = "--lake", paramLabel = "LOCATION",
            description = "Lake location: a folder or s3://bucket/prefix. Default: $BARLAKE_LAKE, else ./lake.")
    String lake;

    LakeLocation location(Map<String, String> environment) {
        if (lake != null) {
            return LakeLocation.parse(lake, "--lake");
        }
        String fromEnvironment = environment.get(LakeLocation.SETTING);
        if (fromEnvironment != null) {
            return LakeLocation.parse(fromEnvironment, LakeLocation.SETTING);
        }
        return LakeLocation.parse(LakeLocation.DEFAULT, "default lake");
    }

    ObjectStore open(Map<String, String> environment) {
        return ObjectStores.open(location(environment), environment);
    }
}
