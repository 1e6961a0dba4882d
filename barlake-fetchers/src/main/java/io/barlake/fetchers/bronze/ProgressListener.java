package io.barlake.fetchers.bronze;

import java.time.LocalDate;

/** Hears about a fetch's progress, for progress bars and logs. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void planned(int total, int alreadyDone) {}

        @Override
        public void session(LocalDate session, SessionOutcome outcome) {}
    };

    /** The fetch covers {@code total} sessions, of which {@code alreadyDone} were done by earlier chunks. */
    void planned(int total, int alreadyDone);

    /** One session is done. */
    void session(LocalDate session, SessionOutcome outcome);
}
