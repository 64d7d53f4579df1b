package dev.editeval.domain.imaging;

/** What decoding gave: the image, or the reason there is none. Bad input is a value here, never an exception. */
public sealed interface DecodeResult permits DecodedImage, ImageProblem {
}
