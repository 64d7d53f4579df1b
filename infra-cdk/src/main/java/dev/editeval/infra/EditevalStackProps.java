package dev.editeval.infra;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.lambda.Code;

/**
 * What the stack is built from that is not in {@code Topology}: the code, passed in so tests need no built jar.
 *
 * @param functionsCode the one code asset shared by all four functions (functions.jar in a deployment)
 * @param jpegLayerCode libjpeg-turbo for the preview function ({@code infra-cdk/layers/turbojpeg})
 * @param webStaticDir  the rating page to upload; empty skips the upload (tests, or a checkout without the page)
 */
public record EditevalStackProps(Code functionsCode, Code jpegLayerCode, Optional<Path> webStaticDir) {

    public EditevalStackProps {
        Objects.requireNonNull(functionsCode, "functionsCode");
        Objects.requireNonNull(jpegLayerCode, "jpegLayerCode");
        Objects.requireNonNull(webStaticDir, "webStaticDir");
    }
}
