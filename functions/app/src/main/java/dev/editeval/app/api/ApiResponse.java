package dev.editeval.app.api;

import java.util.Map;

/** A status and a body to be written as JSON (no body for 204). */
record ApiResponse(int status, Object body) {

    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body);
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null);
    }

    static ApiResponse error(int status, String code, String message) {
        return new ApiResponse(status, Map.of("error", code, "message", message));
    }

    static ApiResponse error(int status, String code, String message, Map<String, String> fields) {
        return new ApiResponse(status, Map.of("error", code, "message", message, "fields", fields));
    }
}
