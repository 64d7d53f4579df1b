package dev.editeval.local.cli;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One local pipeline for all the tests of a class, started before the first and stopped after the last; a browser
 * test class first requires Chromium ({@link #requirements}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelinePerClass {

    LocalPipeline pipeline;

    /** What must be there before the pipeline starts; nothing by default. */
    void requirements() {
    }

    @BeforeAll
    final void startPipeline() throws IOException {
        requirements();
        pipeline = new LocalPipeline();
    }

    @AfterAll
    final void stopPipeline() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
