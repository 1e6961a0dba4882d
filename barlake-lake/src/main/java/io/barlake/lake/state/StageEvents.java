package io.barlake.lake.state;

import java.time.Instant;

/**
 * A state machine execution's events as a run's report and progress need them, with their time:
 * a state entered, left ({@code output} its JSON, or null when the history leaves it out), failed
 * with an error and its cause, or a task tried again. Told from a deployed execution's history.
 */
public interface StageEvents {
    void entered(String state, String type, Instant at);

    void succeeded(String state, String type, String output, Instant at);

    void failed(String state, String type, String error, String cause, Instant at);

    void retrying(String state, String error, String cause, int attempt, Instant at);
}
