package dev.editeval.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.json.Json;
import org.junit.jupiter.api.Test;

class StoredRenditionTest {

    @Test
    void json_whenWrittenBeforeFullRenditions_readsAsHavingNone() throws Exception {
        String old = "{\"thumbKey\":\"t.jpg\",\"previewKey\":\"p.jpg\",\"width\":64,\"height\":48}";

        StoredRendition read = Json.MAPPER.readValue(old, StoredRendition.class);

        assertThat(read).isEqualTo(new StoredRendition("t.jpg", "p.jpg", 64, 48));
        assertThat(read.fullImage()).isEmpty();
    }

    @Test
    void json_whenFullRenditionPresent_survivesTheRoundTrip() throws Exception {
        StoredRendition rendition = new StoredRendition("t.jpg", "p.jpg", 1600, 1200,
                new StoredRendition.Full("f.jpg", 4000, 3000));

        String json = Json.MAPPER.writeValueAsString(rendition);

        assertThat(Json.MAPPER.readValue(json, StoredRendition.class)).isEqualTo(rendition);
        assertThat(json).doesNotContain("fullImage");
    }
}
