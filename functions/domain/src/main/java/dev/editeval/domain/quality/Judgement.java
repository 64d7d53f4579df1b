package dev.editeval.domain.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The warn-and-pause rules over a window of latest ratings: gold accuracy, too-fast answers, straight-lining.
 *
 * @param warnings every rule broken at its warn level or worse, for people
 * @param pauses   the rules broken at their pause level
 */
record Judgement(List<String> warnings, List<String> pauses) {

    static Judgement of(QualityRules rules, List<RecentRating> window) {
        List<String> warnings = new ArrayList<>();
        List<String> pauses = new ArrayList<>();
        int checks = window.stream().mapToInt(RecentRating::goldChecks).sum();
        int hits = window.stream().mapToInt(RecentRating::goldHits).sum();
        if (checks >= rules.minGoldChecks()) {
            double accuracy = (double) hits / checks;
            String text = "gold accuracy " + percent(accuracy) + " over your last " + window.size() + " ratings";
            if (accuracy < rules.warnBelow()) {
                warnings.add(text + " is under " + percent(rules.warnBelow()));
            }
            if (accuracy < rules.pauseBelow()) {
                pauses.add(text + " is under " + percent(rules.pauseBelow()));
            }
        }
        if (window.size() >= rules.minRatings()) {
            share(rules, window.stream().filter(RecentRating::tooFast).count(), window.size(),
                    "rated in under " + rules.tooFastMs() / 1000 + " s", warnings, pauses);
            share(rules, window.stream().filter(RecentRating::straightLine).count(), window.size(),
                    "given one score everywhere", warnings, pauses);
        }
        return new Judgement(List.copyOf(warnings), List.copyOf(pauses));
    }

    private static void share(QualityRules rules, long count, int of, String what, List<String> warnings,
                              List<String> pauses) {
        double share = (double) count / of;
        String text = count + " of your last " + of + " ratings were " + what;
        if (share >= rules.warnShare()) {
            warnings.add(text);
        }
        if (share >= rules.pauseShare()) {
            pauses.add(text);
        }
    }

    String warningText() {
        return "Please slow down and check each answer: " + String.join("; ", warnings) + ".";
    }

    String pauseText() {
        return "Paused by the quality rules: " + String.join("; ", pauses) + ". A lead can resume you.";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
