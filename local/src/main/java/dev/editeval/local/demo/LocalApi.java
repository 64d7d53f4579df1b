package dev.editeval.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.local.auth.UserStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The local page's API as a script calls it: a user signed in through {@code /auth/token}, JSON in and out. */
public final class LocalApi {

    private final URI address;
    private final UserStore users;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LocalApi(URI address, UserStore users) {
        this.address = address;
        this.users = users;
    }

    /** A token for the user, who is added (or given a new password) with these groups. */
    public String signIn(String user, List<String> groups) throws IOException, InterruptedException {
        return token(user, users.addOrReset(user, groups));
    }

    /** A token for a user who exists, signed in with their password as the page does. */
    public String token(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/auth/token", null,
                Json.MAPPER.createObjectNode().put("username", user).put("password", password).toString());
        if (response.statusCode() != 200) {
            throw new IOException("signing in " + user + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).path("token").asText();
    }

    public HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
