package dev.editeval.domain.rubric;

import java.util.List;
import java.util.Optional;

/** The first question of every task: can the instruction be carried out at all? */
public record FeasibilityGate(String question, List<GateOption> options) {

    public FeasibilityGate {
        options = List.copyOf(options);
    }

    public Optional<GateOption> option(String value) {
        return options.stream().filter(option -> option.value().equals(value)).findFirst();
    }

    public List<String> values() {
        return options.stream().map(GateOption::value).toList();
    }
}
