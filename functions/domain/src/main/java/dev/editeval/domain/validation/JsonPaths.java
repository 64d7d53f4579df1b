package dev.editeval.domain.validation;

import com.networknt.schema.PathType;

/**
 * Builds the paths of {@link ValidationProblem}: JSON paths without the leading {@code $.}, written the way the
 * schema validator writes them, so a rule's problem and the schema's problem about one item share a path.
 */
public final class JsonPaths {

    /** The whole document. */
    public static final String ROOT = "$";

    private JsonPaths() {
    }

    /** The member {@code name} of the object at {@code path}: {@code tasks[0].id}, {@code scores['model-a']}. */
    public static String child(String path, String name) {
        return display(PathType.JSON_PATH.append(rooted(path), name));
    }

    /** The element {@code index} of the array at {@code path}: {@code tasks[3]}. */
    public static String index(String path, int index) {
        return display(PathType.JSON_PATH.append(rooted(path), index));
    }

    /** A {@code $}-rooted JSON path as a problem path: {@code $.tasks[0]} becomes {@code tasks[0]}. */
    public static String display(String jsonPath) {
        if (jsonPath.startsWith("$.")) {
            return jsonPath.substring(2);
        }
        if (jsonPath.startsWith("$[")) {
            return jsonPath.substring(1);
        }
        return jsonPath;
    }

    private static String rooted(String path) {
        if (path.equals(ROOT)) {
            return ROOT;
        }
        return path.startsWith("[") ? ROOT + path : ROOT + "." + path;
    }
}
