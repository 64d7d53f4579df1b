package dev.editeval.app.aws;

import dev.editeval.domain.ports.ExportRequests;
import java.time.LocalDate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Invokes the aggregate function asynchronously with {@code {"date": "YYYY-MM-DD"}}, the input the nightly schedule
 * gives it. The function's reserved concurrency of one makes Lambda queue a run behind one already going, so two
 * runs never interleave their commits.
 */
public final class LambdaExportRequests implements ExportRequests {

    private final LambdaClient lambda;
    private final String functionName;

    public LambdaExportRequests(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void request(LocalDate day) {
        lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"date\":\"" + day + "\"}")));
    }
}
