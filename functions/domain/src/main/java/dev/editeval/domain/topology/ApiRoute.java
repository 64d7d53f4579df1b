package dev.editeval.domain.topology;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One route of the API as API Gateway declares it: a method ({@code ANY} for all) and a path whose
 * {@code {name}} segments match one segment and whose last {@code {proxy+}} matches the rest.
 *
 * @param audience who may call it; the handler enforces it, the stack only routes
 */
public record ApiRoute(String method, String path, Audience audience) {

    /**
     * Who may call a route: the members of a user group (Cognito's {@code cognito:groups}, the local sign-in's
     * groups). Admins may also call what evaluators may.
     */
    public enum Audience {
        EVALUATORS("evaluators"), ADMINS("admins");

        private final String group;

        Audience(String group) {
            this.group = group;
        }

        /** The user group's name, as the user directory holds it. */
        public String group() {
            return group;
        }

        /** Whether a user in these groups may call a route for this audience. */
        public boolean admits(Collection<String> groups) {
            return groups.contains(group) || groups.contains(ADMINS.group);
        }

        /** The groups a new user is put in: every user rates; an admin also leads. */
        public static List<String> groupsOf(boolean admin) {
            return admin ? List.of(EVALUATORS.group, ADMINS.group) : List.of(EVALUATORS.group);
        }
    }

    public static final String ANY = "ANY";

    public ApiRoute {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with /: " + path);
        }
    }

    /** The route key, as API Gateway names the route in events and access logs: {@code GET /api/me}. */
    public String key() {
        return method + " " + path;
    }

    /** Whether a request with this method and path is sent to this route. */
    public boolean matches(String requestMethod, String requestPath) {
        if (!method.equals(ANY) && !method.equals(requestMethod.toUpperCase(Locale.ROOT))) {
            return false;
        }
        List<String> template = segments(path);
        List<String> actual = segments(requestPath);
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.endsWith("+}")) {
                return actual.size() > i && !String.join("/", actual.subList(i, actual.size())).isEmpty();
            }
            if (i >= actual.size() || !(part.startsWith("{") ? !actual.get(i).isEmpty() : part.equals(actual.get(i)))) {
                return false;
            }
        }
        return actual.size() == template.size();
    }

    /** The route a request goes to, as API Gateway chooses: an exact method before {@code ANY}. */
    public static Optional<ApiRoute> find(List<ApiRoute> routes, String requestMethod, String requestPath) {
        return routes.stream()
                .filter(route -> route.matches(requestMethod, requestPath))
                .min((a, b) -> Boolean.compare(a.method.equals(ANY), b.method.equals(ANY)));
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.substring(1).split("/", -1));
    }
}
