package dev.editeval.local.standins;

/** A stand-in did not start or did not answer in time; the message names it and says what it printed. */
public final class StandInStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StandInStartException(String message) {
        super(message);
    }

    public StandInStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
