package dev.editeval.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.editeval.domain.topology.FunctionSpec;
import dev.editeval.domain.topology.Topology;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deploy contract: each handler the topology names (and so the stack deploys) is a class in the built
 * functions that the Lambda runtime can start. A renamed handler fails here, not in the account.
 */
class HandlerContractTest {

    static Stream<FunctionSpec> functions() {
        return Topology.FUNCTIONS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_whenNamedByTheTopology_loadsWithAPublicNoArgConstructor(FunctionSpec function) {
        assertThat(problem(function.handler())).isEmpty();
    }

    @Test
    void problem_whenTheClassIsRenamed_namesIt() {
        assertThat(problem("dev.editeval.app.api.ApiHandlr")).contains("no class dev.editeval.app.api.ApiHandlr");
    }

    @Test
    void problem_whenTheClassIsNoHandler_saysSo() {
        assertThat(problem(Config.class.getName())).get().asString().contains("not a Lambda handler");
    }

    /** Why the runtime could not start {@code className}, or empty when it could. */
    private static Optional<String> problem(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, HandlerContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("no class " + className);
        }
        if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
            return Optional.of(className + " is not a Lambda handler");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(className + " is not a public concrete class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return Modifier.isPublic(constructor.getModifiers())
                    ? Optional.empty() : Optional.of(className + " has no public no-arg constructor");
        } catch (NoSuchMethodException e) {
            return Optional.of(className + " has no public no-arg constructor");
        }
    }
}
