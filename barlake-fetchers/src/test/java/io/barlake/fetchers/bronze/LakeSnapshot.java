package io.barlake.fetchers.bronze;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.util.Map;
import java.util.TreeMap;

/** Every key of a lake with the SHA-256 of its bytes: equal snapshots mean a byte-identical lake. */
final class LakeSnapshot {
    private LakeSnapshot() {}

    static Map<String, String> of(ObjectStore store) {
        Map<String, String> snapshot = new TreeMap<>();
        for (ObjectInfo object : store.list("")) {
            snapshot.put(object.key(), BronzeFiles.sha256(store.get(object.key()).orElseThrow()));
        }
        return snapshot;
    }
}
