package dev.editeval.domain.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRouteTest {

    private static final List<ApiRoute> ROUTES = List.of(
            new ApiRoute("GET", "/api/leases/{leaseId}", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("POST", "/api/leases/{leaseId}/rating", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("POST", "/api/leases", ApiRoute.Audience.EVALUATORS),
            new ApiRoute(ApiRoute.ANY, "/api/admin/{proxy+}", ApiRoute.Audience.ADMINS));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/leases/abc, GET /api/leases/{leaseId}",
        "get, /api/leases/abc, GET /api/leases/{leaseId}",
        "POST, /api/leases/abc/rating, POST /api/leases/{leaseId}/rating",
        "POST, /api/leases, POST /api/leases",
        "DELETE, /api/admin/evaluators/x/exclusion, ANY /api/admin/{proxy+}",
        "GET, /api/admin/batches, ANY /api/admin/{proxy+}",
    })
    void find_whenARouteMatches_choosesIt(String method, String path, String key) {
        assertThat(ApiRoute.find(ROUTES, method, path)).map(ApiRoute::key).contains(key);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /api/leases/abc",
        "GET, /api/leases/abc/rating/more",
        "GET, /api/leases/",
        "POST, /api/leases/abc/extend",
        "GET, /api/admin",
        "GET, /api/admin/",
        "GET, /api/me",
    })
    void find_whenNoRouteMatches_isEmpty(String method, String path) {
        assertThat(ApiRoute.find(ROUTES, method, path)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GET /api/me", "POST /api/leases/{leaseId}/extend", "ANY /api/admin/{proxy+}"})
    void apiRoutes_always_holdTheDocumentedRoutes(String key) {
        assertThat(Topology.API_ROUTES).extracting(ApiRoute::key).contains(key);
    }
}
