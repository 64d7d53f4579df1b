package dev.editeval.domain.rating;

import dev.editeval.domain.model.OutputMetrics;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The letters an evaluator sees for a lease's outputs: A for the first shown, B for the second, and so on. */
public final class OutputLetters {

    private OutputLetters() {
    }

    public static String letter(int position) {
        return String.valueOf((char) ('A' + position));
    }

    public static List<String> shown(List<String> outputOrder) {
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < outputOrder.size(); i++) {
            letters.add(letter(i));
        }
        return letters;
    }

    /** Letter to model, in the order shown: what un-blinds a rating at aggregation. */
    public static Map<String, String> models(List<String> outputOrder, TaskRecord task) {
        Map<String, String> models = new LinkedHashMap<>();
        for (int i = 0; i < outputOrder.size(); i++) {
            String blindKey = outputOrder.get(i);
            String model = task.outputs().stream().filter(o -> o.blindKey().equals(blindKey))
                    .map(TaskOutput::model).findFirst().orElseThrow();
            models.put(letter(i), model);
        }
        return models;
    }

    /** Each letter's output's metrics as JSON ({@link OutputMetrics}); empty when the task has no previews. */
    public static Map<String, String> metrics(List<String> outputOrder, TaskRecord task) {
        Map<String, String> metrics = new LinkedHashMap<>();
        task.previews().ifPresent(previews -> {
            for (int i = 0; i < outputOrder.size(); i++) {
                String blindKey = outputOrder.get(i);
                String letter = letter(i);
                previews.outputs().stream().filter(o -> o.blindKey().equals(blindKey)).findFirst()
                        .ifPresent(preview -> metrics.put(letter, OutputMetrics.json(preview)));
            }
        });
        return metrics;
    }
}
