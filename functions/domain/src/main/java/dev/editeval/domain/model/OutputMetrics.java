package dev.editeval.domain.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;

/** An output's change metrics and own file size as one JSON object, kept with each rating for the export. */
public final class OutputMetrics {

    private OutputMetrics() {
    }

    /** The preview's metrics (null ones kept as null, so a lead sees a score was not measured) and file size. */
    public static String json(OutputPreview preview) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("changedFraction", preview.changedFraction());
        node.put("ssimGlobal", preview.ssimGlobal());
        node.put("ssimUnchanged", preview.ssimUnchanged());
        node.put("psnrUnchanged", preview.psnrUnchanged());
        node.put("unmeasuredReason", preview.unmeasuredReason());
        node.put("resolutionRatio", preview.resolutionRatio());
        node.set("crop", Json.MAPPER.valueToTree(preview.crop()));
        node.put("geometryChanged", preview.geometryChanged());
        node.put("fileWidth", preview.fileWidth());
        node.put("fileHeight", preview.fileHeight());
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics of " + preview.blindKey() + " are not JSON", e);
        }
    }
}
