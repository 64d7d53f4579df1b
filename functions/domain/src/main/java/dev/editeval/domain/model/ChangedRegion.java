package dev.editeval.domain.model;

/** A changed region as fractions of the image's width and height. */
public record ChangedRegion(double x, double y, double w, double h) {
}
