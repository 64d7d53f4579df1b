package dev.editeval.local.cli;

import java.util.List;

/**
 * What simulated evaluators saw.
 *
 * @param overbooked  leases granted while the task's live leases and stored ratings already filled its raters
 * @param leasedTwice leases of a task the same evaluator had leased before
 * @param failedSubmits submits of a live lease not answered 201
 * @param acceptedSubmissions the submission id of every submit answered 201
 * @param leaseMillis latency of each lease call answered 201
 * @param submitMillis latency of each submit answered 201
 * @param leaseServerMillis  the API's own time of each of those leases (the server's {@code Server-Timing})
 * @param submitServerMillis the API's own time of each of those submits
 * @param leaseStarts  when each of those leases was sent ({@link System#nanoTime()})
 * @param submitStarts when each of those submits was sent
 */
record RaceResult(int overbooked, int leasedTwice, int failedSubmits, List<String> acceptedSubmissions,
                  List<Double> leaseMillis, List<Double> submitMillis, int noneWaiting, long elapsedMillis,
                  List<Double> leaseServerMillis, List<Double> submitServerMillis, List<Long> leaseStarts,
                  List<Long> submitStarts) {

    RaceResult {
        acceptedSubmissions = List.copyOf(acceptedSubmissions);
        leaseMillis = List.copyOf(leaseMillis);
        submitMillis = List.copyOf(submitMillis);
        leaseServerMillis = List.copyOf(leaseServerMillis);
        submitServerMillis = List.copyOf(submitServerMillis);
        leaseStarts = List.copyOf(leaseStarts);
        submitStarts = List.copyOf(submitStarts);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(rank, sorted.size() - 1)));
    }
}
