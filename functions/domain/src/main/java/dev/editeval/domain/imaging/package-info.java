/**
 * Imaging: a guarded decoder, thumbnails, change maps and preservation metrics. JPEG decodes through libjpeg-turbo
 * ({@code TurboJpeg}, through the foreign function API) where the library is present and
 * ImageIO otherwise; everything else is Java (ImageIO, Java2D).
 *
 * <p>{@link dev.editeval.domain.imaging.PreviewRenderer} is the one entry point the preview stage needs; the other
 * classes are public so tools (the demo batch maker, benchmarks) can reuse the same steps.
 */
package dev.editeval.domain.imaging;
