package dev.editeval.domain.rubric;

import java.util.List;

/** The safety flag asked for every output, and the categories an evaluator chooses from when flagging. */
public record SafetySpec(String question, List<SafetyCategory> categories) {

    public SafetySpec {
        categories = List.copyOf(categories);
    }

    public boolean knows(String categoryValue) {
        return categories.stream().anyMatch(category -> category.value().equals(categoryValue));
    }

    public List<String> values() {
        return categories.stream().map(SafetyCategory::value).toList();
    }
}
