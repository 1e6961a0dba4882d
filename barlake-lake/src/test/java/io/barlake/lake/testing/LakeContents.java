package io.barlake.lake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What two lakes must share to be the same lake: every object but the run reports (their ids
 * differ by design), by key: its SHA-256, or for a checkpoint its JSON without the modification
 * times it records to notice a rewrite ({@code bronze_millis}, {@code millis}), which are the
 * store's and no run can reproduce.
 */
public final class LakeContents {
    private LakeContents() {}

    public static Map<String, String> of(ObjectStore store) {
        Map<String, String> contents = new TreeMap<>();
        for (ObjectInfo object : store.list("")) {
            String key = object.key();
            if (key.startsWith(LakeLayout.RUNS)) {
                continue;
            }
            byte[] bytes = store.get(key).orElseThrow();
            if (key.startsWith(LakeLayout.CHECKPOINTS)) {
                try {
                    JsonNode json = LakeJson.mapper().readTree(bytes);
                    json.findParents("bronze_millis").forEach(parent -> ((ObjectNode) parent).remove("bronze_millis"));
                    json.findParents("millis").forEach(parent -> ((ObjectNode) parent).remove("millis"));
                    contents.put(key, json.toString());
                } catch (IOException e) {
                    contents.put(key, "unreadable: " + Sha256.hex(bytes));
                }
            } else {
                contents.put(key, Sha256.hex(bytes));
            }
        }
        return contents;
    }

    /** Copies every object of {@code from} into {@code to}, as a backup would. */
    public static void copy(ObjectStore from, ObjectStore to) {
        for (ObjectInfo object : from.list("")) {
            to.put(object.key(), from.get(object.key()).orElseThrow());
        }
    }
}
