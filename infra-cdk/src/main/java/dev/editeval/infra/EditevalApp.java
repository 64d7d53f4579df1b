package dev.editeval.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.IConstruct;

/**
 * The CDK app: one {@link EditevalStack}, checked by cdk-nag. Synthesises offline (no account, no lookups).
 *
 * <p>Context: {@code -c functionsJar=...} (default {@value #DEFAULT_FUNCTIONS_JAR}) and {@code -c webStatic=...}
 * (default {@value #DEFAULT_WEB_STATIC}); paths are relative to {@code infra-cdk/}, where cdk.json lives.
 */
public final class EditevalApp {

    static final String STACK_NAME = "EditevalStack";
    static final String DEFAULT_FUNCTIONS_JAR = "../functions/app/target/functions.jar";
    static final String DEFAULT_WEB_STATIC = "../web-static";
    /** libjpeg-turbo for arm64, checked in with its sources and checksums (layers/turbojpeg/SOURCES.md). */
    static final String JPEG_LAYER = "layers/turbojpeg";

    private EditevalApp() {
    }

    public static void main(String[] args) {
        // Run by the cdk CLI, CDK_OUTDIR is set; run as plain `exec:java`, write cdk.out here instead of /tmp.
        var app = new App(AppProps.builder().outdir(System.getenv().getOrDefault("CDK_OUTDIR", "cdk.out")).build());
        var functionsJar = Path.of(context(app, "functionsJar", DEFAULT_FUNCTIONS_JAR));
        if (!Files.isRegularFile(functionsJar)) {
            throw new IllegalStateException("functions jar not found at " + functionsJar.toAbsolutePath()
                    + ": build it with `./mvnw -q package -DskipTests` or pass -c functionsJar=<path>");
        }
        var webStatic = Path.of(context(app, "webStatic", DEFAULT_WEB_STATIC));
        var props = new EditevalStackProps(Code.fromAsset(functionsJar.toString()), Code.fromAsset(JPEG_LAYER),
                Files.isDirectory(webStatic) ? Optional.of(webStatic) : Optional.empty());
        new EditevalStack(app, STACK_NAME, props);
        applyChecks(app);
        app.synth();
    }

    /** The cdk-nag AWS Solutions rules; an unsuppressed finding is an error annotation and fails `cdk deploy`. */
    public static void applyChecks(IConstruct scope) {
        Aspects.of(scope).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
