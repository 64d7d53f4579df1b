package dev.editeval.app.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** HTTP API v2: lease a task, read it with presigned image links, give it back, submit a rating. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final ApiRouter router;

    public ApiHandler() {
        this(Wiring.fromEnvironment());
    }

    public ApiHandler(Services services) {
        this(new ApiRouter(services.leaseService(), services.submitService(), services.taskViews(),
                services.rubrics(), services.meService(),
                new AdminRoutes(services.adminService(), services.reviewService(),
                services.exportViews(), services.ports().links())));
    }

    ApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            ApiRequest request = HttpEvents.request(event);
            try (MDC.MDCCloseable ignored = MDC.putCloseable("evaluatorId", request.evaluatorId())) {
                ApiResponse response = route(request);
                LOG.info("{} {} -> {}", request.method(), request.path(), response.status());
                return HttpEvents.response(response);
            }
        });
    }

    private ApiResponse route(ApiRequest request) {
        try {
            return router.route(request);
        } catch (RuntimeException e) {
            // the caller gets a plain 500; the stack trace stays in the log
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return ApiResponse.error(500, "internal", "something went wrong on our side; try again");
        }
    }
}
