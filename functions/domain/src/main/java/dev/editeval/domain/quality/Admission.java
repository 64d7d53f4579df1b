package dev.editeval.domain.quality;

import java.util.Set;

/** What an evaluator may be leased now: decided from their standing on every lease. */
public sealed interface Admission {

    /**
     * No task at all; the lease answers 403 with the code and the message.
     *
     * @param code {@code paused}, {@code removed} or {@code screening_failed}
     */
    record Refused(String code, String message) implements Admission {
    }

    /** Screening tasks only, of this set ({@code ""}: the first screening set there is). */
    record Screen(String setId) implements Admission {
    }

    /**
     * Real work and hidden gold.
     *
     * @param categories the task categories unlocked; empty: every category
     */
    record Work(Set<String> categories) implements Admission {

        public Work {
            categories = Set.copyOf(categories);
        }

        /** A task without a category is open to every qualified evaluator: no screening set can unlock "none". */
        public boolean allows(String category) {
            return categories.isEmpty() || category.isEmpty() || categories.contains(category);
        }
    }
}
