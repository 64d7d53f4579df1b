package dev.editeval.domain.stats;

/**
 * Poisson(1) bootstrap weights that depend only on what is resampled and the replicate number (Chamandy et al.,
 * "Estimating uncertainty for massive data streams", 2012): a task's weight in replicate b is a hash of the task's
 * id and b. Any shard that meets the task draws the same weight, so replicate sums made apart add up to the sums of
 * the whole, and integer weights make that sum exact in any order.
 */
public final class PoissonWeights {

    /** P(X <= k) for X ~ Poisson(1), k = 0..11; past 11 the tail is below 1e-9 and the weight stays 12. */
    private static final double[] CUMULATIVE = cumulative();
    private static final long FNV_OFFSET = 0xCBF2_9CE4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private PoissonWeights() {
    }

    private static double[] cumulative() {
        double[] cumulative = new double[12];
        double term = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < cumulative.length; k++) {
            sum += term;
            cumulative[k] = sum;
            term /= k + 1;
        }
        return cumulative;
    }

    /** A 64-bit FNV-1a hash of the parts joined by NUL: the same on every JVM, unlike a random seed. */
    public static long idHash(String... parts) {
        long hash = FNV_OFFSET;
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                // a NUL byte between parts, so ("ab", "c") and ("a", "bc") differ
                hash *= FNV_PRIME;
            }
            String part = parts[p];
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                hash = (hash ^ (c & 0xFF)) * FNV_PRIME;
                hash = (hash ^ (c >>> 8)) * FNV_PRIME;
            }
        }
        return hash;
    }

    /** The weight of the thing whose id hashes to {@code idHash} in replicate {@code replicate}. */
    public static int weight(long idHash, int replicate) {
        double u = (mix(idHash + (replicate + 1) * 0x9E37_79B9_7F4A_7C15L) >>> 11) * 0x1.0p-53;
        int k = 0;
        while (k < CUMULATIVE.length && u >= CUMULATIVE[k]) {
            k++;
        }
        return k;
    }

    /** The weights of one id in replicates 0..replicates-1. */
    public static byte[] weights(long idHash, int replicates) {
        byte[] weights = new byte[replicates];
        for (int b = 0; b < replicates; b++) {
            weights[b] = (byte) weight(idHash, b);
        }
        return weights;
    }

    /** SplitMix64's finaliser: consecutive inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
