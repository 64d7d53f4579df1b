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

/** The local issuer's users in {@code .editeval/users.json}; read on each sign-in, so new users need no restart. */
public final class UserStore {

    private final Path file;

    public UserStore(Path file) {
        this.file = file;
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
