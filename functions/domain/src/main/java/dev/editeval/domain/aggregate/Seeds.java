package dev.editeval.domain.aggregate;

/** Bootstrap seeds derived from what is resampled, so a rerun draws the same resamples and writes the same bytes. */
final class Seeds {

    private static final long BASE = 0x5EED_EDE7_E7A1L;

    private Seeds() {
    }

    static long of(String... parts) {
        // String.hashCode is specified by the language, so the seed is the same on every JVM
        return BASE ^ (String.join("\u0000", parts).hashCode() * 0x9E37_79B9_7F4A_7C15L);
    }
}
