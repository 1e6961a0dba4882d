package io.barlake.lake.status;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.ObjectMark;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A quick look for a health check: the checkpoints read, and every bar file they describe is
 * listed with the size and time it was written with. One listing and seven small reads, no bar
 * file read, so a load balancer may ask often; {@link LakeInspector} reads the files themselves.
 */
public final class LakeHealth {
    private LakeHealth() {}

    /**
     * What is unreadable, missing or changed since written, one line each naming the object;
     * empty when all is as the stages left it.
     */
    public static List<String> problems(ObjectStore store, Clock clock) {
        StateStore state = new StateStore(store, clock);
        Map<String, ObjectInfo> listing = new HashMap<>();
        store.list(LakeLayout.SILVER).forEach(info -> listing.put(info.key(), info));
        List<String> problems = new ArrayList<>();
        for (CheckpointedFiles.File file : CheckpointedFiles.of(state, e -> problems.add(e.key() + " is unreadable"))) {
            check(file.key(), file.mark(), listing, problems);
        }
        return problems;
    }

    private static void check(String key, ObjectMark mark, Map<String, ObjectInfo> listing, List<String> problems) {
        ObjectInfo info = listing.get(key);
        if (info == null) {
            problems.add(key + " is missing");
        } else if (mark != null && !mark.listedAs(info)) {
            problems.add(key + " changed since it was written");
        }
    }
}
