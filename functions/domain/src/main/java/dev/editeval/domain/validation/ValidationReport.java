package dev.editeval.domain.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of checking an input: every problem found, in the order found; none means valid.
 * Serialises to {@code {"valid": false, "problems": [{"path": "...", "reason": "..."}]}}.
 */
@JsonIgnoreProperties(value = "valid", allowGetters = true)
public record ValidationReport(List<ValidationProblem> problems) {

    private static final ValidationReport OK = new ValidationReport(List.of());
    private static final Pattern PATH_TOKEN = Pattern.compile("\\d+|\\D+");

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public static ValidationReport ok() {
        return OK;
    }

    public static ValidationReport of(List<ValidationProblem> problems) {
        return problems.isEmpty() ? OK : new ValidationReport(problems);
    }

    public static ValidationReport of(String path, String reason) {
        return new ValidationReport(List.of(ValidationProblem.of(path, reason)));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** This report's problems followed by the other's. */
    public ValidationReport merge(ValidationReport other) {
        if (other.isValid()) {
            return this;
        }
        if (isValid()) {
            return other;
        }
        List<ValidationProblem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new ValidationReport(all);
    }

    /**
     * This report's problems, then those of {@code general} at paths this report does not name: a precise
     * reason from a rule replaces the generic one a schema gives for the same item.
     */
    public ValidationReport mergeAtNewPaths(ValidationReport general) {
        Set<String> named = new HashSet<>();
        problems.forEach(problem -> named.add(problem.path()));
        List<ValidationProblem> all = new ArrayList<>(problems);
        general.problems.stream().filter(problem -> !named.contains(problem.path())).forEach(all::add);
        return of(all);
    }

    /**
     * At most {@code maxProblems} problems, the last one saying how many were left out; for stores with item limits.
     */
    public ValidationReport limit(int maxProblems) {
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be at least 1, was " + maxProblems);
        }
        if (problems.size() <= maxProblems) {
            return this;
        }
        List<ValidationProblem> kept = new ArrayList<>(problems.subList(0, maxProblems - 1));
        int leftOut = problems.size() - kept.size();
        kept.add(ValidationProblem.of(JsonPaths.ROOT, leftOut + " more problems not shown"));
        return new ValidationReport(kept);
    }

    /**
     * The problems ordered by path, indexes by number ({@code tasks[2]} before {@code tasks[10]}), so the problems of
     * one item stand together; problems with one path keep their order. The whole document ({@code $}) comes first.
     */
    public ValidationReport sortedByPath() {
        List<ValidationProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(ValidationProblem::path, ValidationReport::comparePaths));
        return of(sorted);
    }

    private static int comparePaths(String left, String right) {
        Matcher a = PATH_TOKEN.matcher(left);
        Matcher b = PATH_TOKEN.matcher(right);
        while (a.find()) {
            if (!b.find()) {
                return 1;
            }
            String x = a.group();
            String y = b.group();
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers && x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return b.find() ? -1 : 0;
    }

    /** Path to reason, for an API error's {@code fields}; several reasons for one path are joined with "; ". */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        problems.forEach(problem -> fields.merge(problem.path(), problem.reason(), (a, b) -> a + "; " + b));
        return fields;
    }
}
