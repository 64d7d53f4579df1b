package dev.editeval.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The router and the stack serve the same routes: both read {@link Topology#API_ROUTES}. */
class ApiRouterRoutesTest {

    private final InMemoryPorts ports = InMemoryPorts.create();

    private ApiRouter routerOver(List<ApiRoute> routes) {
        Services services = ports.services();
        return new ApiRouter(services.leaseService(), services.submitService(), services.taskViews(),
                services.rubrics(), services.meService(),
                new AdminRoutes(services.adminService(), services.reviewService(),
                services.exportViews(), ports.links()), routes);
    }

    private static ApiRequest adminCall(String method, String path) {
        return new ApiRequest(method, path, "ada", "Ada", List.of("admins", "evaluators"), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    static Stream<ApiRoute> stackRoutes() {
        return Topology.API_ROUTES.stream();
    }

    /** A request the route takes: each path parameter filled, the admin proxy with its first admin path. */
    private static String pathFor(ApiRoute route) {
        return route.path().replace("{proxy+}", "batches").replaceAll("\\{[^}]+}", "x");
    }

    private static boolean noRoute(ApiResponse response) {
        return response.status() == 404 && String.valueOf(response.body()).contains("no route");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stackRoutes")
    void route_whenTheStackDeclaresIt_isServedByTheRouter(ApiRoute route) {
        String method = route.method().equals(ApiRoute.ANY) ? "GET" : route.method();
        ApiResponse response = routerOver(Topology.API_ROUTES).route(adminCall(method, pathFor(route)));
        assertThat(noRoute(response)).as(route.key() + " answered " + response).isFalse();
    }

    @Test
    void route_whenTheStackLacksIt_isRefusedThoughTheRouterKnowsIt() {
        List<ApiRoute> withoutExtend = Topology.API_ROUTES.stream()
                .filter(route -> !route.path().endsWith("/extend")).toList();
        assertThat(noRoute(routerOver(withoutExtend).route(adminCall("POST", "/api/leases/x/extend")))).isTrue();
        assertThat(noRoute(routerOver(Topology.API_ROUTES).route(adminCall("POST", "/api/leases/x/extend"))))
                .isFalse();
    }

    @Test
    void route_whenNoRouteHasIt_is404BeforeAnyService() {
        assertThat(noRoute(routerOver(Topology.API_ROUTES).route(adminCall("PUT", "/api/leases")))).isTrue();
    }
}
