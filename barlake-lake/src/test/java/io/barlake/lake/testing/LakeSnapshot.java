package io.barlake.lake.testing;

import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.util.Map;
import java.util.TreeMap;

/** Every key under a prefix with the SHA-256 of its bytes: equal snapshots mean byte-identical objects. */
public final class LakeSnapshot {
    private LakeSnapshot() {}

    public static Map<String, String> of(ObjectStore store, String prefix) {
        Map<String, String> snapshot = new TreeMap<>();
        for (ObjectInfo object : store.list(prefix)) {
            snapshot.put(object.key(), Sha256.hex(store.get(object.key()).orElseThrow()));
        }
        return snapshot;
    }
}
