package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Hears what an execution does, state by state; called from the threads that run the states. */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {};

    default void stateEntered(String state, String type) {}

    default void stateSucceeded(String state, String type, JsonNode output) {}

    default void stateFailed(String state, String type, StatesError error) {}

    /** A retrier matched: attempt {@code attempt} failed and the next starts after {@code wait}. */
    default void retrying(String state, StatesError error, int attempt, Duration wait) {}
}
