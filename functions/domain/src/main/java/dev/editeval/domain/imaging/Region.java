package dev.editeval.domain.imaging;

/** A changed area's bounding box, as fractions (0 to 1) of the image's width and height from its top-left corner. */
public record Region(double x, double y, double w, double h) {

    /** Intersection over union with another box: 1 for the same box, 0 for boxes that do not touch. */
    public double iou(Region other) {
        double overlapW = Math.min(x + w, other.x + other.w) - Math.max(x, other.x);
        double overlapH = Math.min(y + h, other.y + other.h) - Math.max(y, other.y);
        if (overlapW <= 0 || overlapH <= 0) {
            return 0;
        }
        double overlap = overlapW * overlapH;
        return overlap / (w * h + other.w * other.h - overlap);
    }
}
