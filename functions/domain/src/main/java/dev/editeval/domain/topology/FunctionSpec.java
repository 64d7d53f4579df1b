package dev.editeval.domain.topology;

/**
 * One Lambda function: its handler class, timeout and memory.
 *
 * @param handler fully qualified handler class in functions.jar
 */
public record FunctionSpec(String name, String handler, int timeoutSeconds, int memoryMb) {
}
