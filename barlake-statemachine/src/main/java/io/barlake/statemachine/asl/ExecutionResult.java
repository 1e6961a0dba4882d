package io.barlake.statemachine.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an execution ended.
 *
 * @param succeeded whether it reached a Succeed state or an end
 * @param output    the last state's output (succeeded), else {@code null}
 * @param error     the error name that failed it, else {@code null}
 * @param cause     its cause, else {@code null}
 */
public record ExecutionResult(boolean succeeded, JsonNode output, String error, String cause) {}
