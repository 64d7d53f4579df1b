package dev.editeval.app.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.editeval.domain.topology.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context of an invocation outside Lambda, by the local runtime and the handler tests: the function's
 * name, memory and timeout from the topology.
 */
public final class InvocationContext implements Context {

    private final FunctionSpec function;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;

    public InvocationContext(FunctionSpec function) {
        this.function = function;
        this.deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + LocalAccount.REGION.id() + ":" + LocalAccount.ACCOUNT_ID + ":function:"
                + function.name();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
