package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.DeadLetters;
import java.util.ArrayList;
import java.util.List;

/** Dead letters a test puts there, as if their queue had given up on them. */
public final class InMemoryDeadLetters implements DeadLetters {

    private final List<Letter> letters = new ArrayList<>();

    public synchronized void add(Letter letter) {
        letters.add(letter);
    }

    public synchronized List<Letter> left() {
        return List.copyOf(letters);
    }

    @Override
    public synchronized List<Letter> waiting(int max) {
        return letters.stream().limit(max).toList();
    }

    @Override
    public synchronized void remove(Letter letter) {
        letters.remove(letter);
    }
}
