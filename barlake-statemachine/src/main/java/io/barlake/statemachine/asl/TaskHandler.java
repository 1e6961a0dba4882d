package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@code Task} state's {@code Resource} does in this engine: given the effective
 * parameters, the result as the service integration would return it, or a {@link StatesError}
 * named as that integration would name it.
 */
@FunctionalInterface
public interface TaskHandler {
    JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws StatesError;

    /**
     * Where a task runs.
     *
     * @param executionName the execution's name (the run id)
     * @param stateName     the Task state's name
     * @param attempt       1 for the first try, 2 after one retry, …
     */
    record TaskContext(String executionName, String stateName, int attempt) {}
}
