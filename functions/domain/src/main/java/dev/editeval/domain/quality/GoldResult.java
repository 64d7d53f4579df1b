package dev.editeval.domain.quality;

import java.util.List;

/** One rating scored against its gold task: every expectation checked. */
public record GoldResult(List<GoldCheck> items) {

    public GoldResult {
        items = List.copyOf(items);
    }

    public int checks() {
        return items.size();
    }

    public int hits() {
        return (int) items.stream().filter(GoldCheck::hit).count();
    }

    public int misses() {
        return checks() - hits();
    }
}
