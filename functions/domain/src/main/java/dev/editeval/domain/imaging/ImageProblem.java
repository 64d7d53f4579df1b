package dev.editeval.domain.imaging;

/** Why an image could not be used, in words a task owner can act on. */
public record ImageProblem(String reason) implements DecodeResult {
}
