package io.barlake.lake.testing;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.util.Map;
import java.util.TreeMap;

/** Every key under a prefix with the SHA-256 of its bytes: equal snapshots mean byte-identical objects. */
public final class LakeSnapshot {
    private LakeSnapshot() {}

    public static Map<String, String> of(ObjectStore store, String prefix) {
        Map<String, String> snapshot = new TreeMap<>();
        for (ObjectInfo object : store.list(prefix)) {
            snapshot.put(object.key(), BronzeFiles.sha256(store.get(object.key()).orElseThrow()));
        }
        return snapshot;
    }
}
