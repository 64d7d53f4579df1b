package dev.editeval.domain.rubric;

/**
 * A consistency rule between two scores of one output, checked when both are given (not N/A).
 *
 * @param message what the evaluator is told when the rule is broken
 */
public record Constraint(Rule rule, String left, String right, String message) {

    public boolean holds(int leftScore, int rightScore) {
        return rule.holds(leftScore, rightScore);
    }

    /** The comparison, by its name in the rubric document. */
    public enum Rule {
        LTE("lte");

        private final String value;

        Rule(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public boolean holds(int leftScore, int rightScore) {
            return switch (this) {
                case LTE -> leftScore <= rightScore;
            };
        }

        public static Rule fromValue(String value) {
            for (Rule rule : values()) {
                if (rule.value.equals(value)) {
                    return rule;
                }
            }
            throw new IllegalArgumentException("unknown constraint rule: " + value);
        }
    }
}
