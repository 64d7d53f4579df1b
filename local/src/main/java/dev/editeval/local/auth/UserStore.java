package dev.editeval.local.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/** The local issuer's users in {@code .editeval/users.json}; read on each sign-in, so new users need no restart. */
public final class UserStore {

    private final Path file;
    private final BiPredicate<String, String> passwordMatches;

    public UserStore(Path file) {
        this(file, Passwords::matches);
    }

    UserStore(Path file, BiPredicate<String, String> passwordMatches) {
        this.file = file;
        this.passwordMatches = passwordMatches;
    }

    public synchronized List<LocalUser> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<LocalUser>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users from " + file, e);
        }
    }

    public Optional<LocalUser> find(String username) {
        return all().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /**
     * The user with this name and password. An unknown name is checked against a decoy hash, so that it takes as
     * long as a wrong password and the answer's time does not tell which names exist.
     */
    public Optional<LocalUser> authenticate(String username, String password) {
        Optional<LocalUser> found = find(username);
        boolean matches = passwordMatches.test(password, found.map(LocalUser::passwordHash).orElse(Passwords.DECOY));
        return found.filter(u -> matches);
    }

    /** Adds the user, or gives an existing one a new password and these groups; returns the new password. */
    public synchronized String addOrReset(String username, List<String> groups) {
        String password = Passwords.generate();
        List<LocalUser> users = new ArrayList<>(all());
        String sub = users.stream().filter(u -> u.username().equals(username)).map(LocalUser::sub).findFirst()
                .orElseGet(() -> UUID.randomUUID().toString());
        users.removeIf(u -> u.username().equals(username));
        users.add(new LocalUser(username, sub, Passwords.hash(password), groups));
        write(users);
        return password;
    }

    private void write(List<LocalUser> users) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), users);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users to " + file, e);
        }
    }
}
