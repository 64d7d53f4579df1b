package dev.editeval.local.auth;

import java.util.List;

/**
 * A user of the local issuer, as Cognito would hold one.
 *
 * @param passwordHash PBKDF2 hash, see {@link Passwords}
 */
public record LocalUser(String username, String sub, String passwordHash, List<String> groups) {

    public LocalUser {
        groups = List.copyOf(groups);
    }
}
