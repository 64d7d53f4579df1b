package dev.editeval.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    @TempDir
    Path dir;

    private final List<String> checkedAgainst = new ArrayList<>();

    private UserStore store() {
        return new UserStore(dir.resolve("users.json"), (password, stored) -> {
            checkedAgainst.add(stored);
            return Passwords.matches(password, stored);
        });
    }

    @Test
    void authenticate_ofAnUnknownName_derivesAKeyAsAWrongPasswordDoes() {
        UserStore users = store();
        String password = users.addOrReset("ada", List.of("evaluators"));

        assertThat(users.authenticate("ada", password)).map(LocalUser::username).contains("ada");
        assertThat(users.authenticate("ada", "wrong")).isEmpty();
        assertThat(users.authenticate("nobody", password)).isEmpty();

        // the answer's time does not tell which names exist: the unknown name cost one derivation, on the decoy
        assertThat(checkedAgainst).hasSize(3);
        assertThat(checkedAgainst.get(2)).isEqualTo(Passwords.DECOY);
    }

    @Test
    void decoy_costsAsManyIterationsAsARealHash() {
        String iterationsOfARealHash = Passwords.hash("x").split(":")[0];

        assertThat(Passwords.DECOY.split(":")[0]).isEqualTo(iterationsOfARealHash);
    }
}
