package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.ValidationProblem;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name and key rules of a manifest, in Java. The schema states them too, but a JSON Schema {@code $} also
 * matches before a final newline, so these (whole-string matches) are the ones that guard storage keys.
 */
final class ManifestNames {

    static final String ID_RULE = "must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit";
    static final String MODEL_RULE =
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final int MAX_KEY_LENGTH = 512;
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ManifestNames() {
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    static boolean isModel(String value) {
        return value != null && MODEL.matcher(value).matches();
    }

    /** Why a key relative to the batch folder is unsafe (it could leave the folder or is not plain), if it is. */
    static Optional<String> relativeKeyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("is empty");
        }
        String quoted = ValidationProblem.quote(key);
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.of(quoted + " is longer than " + MAX_KEY_LENGTH + " characters");
        }
        if (key.startsWith("/")) {
            return Optional.of(quoted + " starts with '/'; keys are relative to the batch folder");
        }
        if (key.contains("\\")) {
            return Optional.of(quoted + " contains '\\'; separate folders with '/'");
        }
        if (key.contains("//")) {
            return Optional.of(quoted + " contains '//' (an empty folder name)");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of(quoted + " contains a '" + segment
                        + "' segment; keys may not leave the batch folder");
            }
        }
        return key.codePoints()
                .filter(codePoint -> !isKeyCharacter(codePoint))
                .mapToObj(codePoint -> quoted + " contains " + ValidationProblem.quote(Character.toString(codePoint))
                        + "; only letters, digits, '.', '_', '-' and '/' are allowed")
                .findFirst();
    }

    private static boolean isKeyCharacter(int codePoint) {
        return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z'
                || codePoint >= '0' && codePoint <= '9' || "._/-".indexOf(codePoint) >= 0;
    }

    /** Why a key cannot name a source or output image, if it cannot. */
    static Optional<String> imageKeyProblem(String key) {
        Optional<String> unsafe = relativeKeyProblem(key);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!IMAGE_EXTENSIONS.contains(extension) || dot == 0) {
            return Optional.of(ValidationProblem.quote(key)
                    + " must be an image file ending in .jpg, .jpeg, .png, .webp or .gif");
        }
        return Optional.empty();
    }
}
