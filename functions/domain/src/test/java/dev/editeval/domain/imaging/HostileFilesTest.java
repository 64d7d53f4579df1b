package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every image of the Go image libraries' test data (Debian {@code golang-1.19-src} and
 * {@code golang-golang-x-image-dev}, installed by {@code .ci/run}) and bombs of our own, through the guard and the
 * renderer in a JVM with the heap a Lambda would give it: none may run it out of memory or hang it, and each is
 * either previewed or rejected with a reason.
 */
class HostileFilesTest {

    /** Where Debian puts the two packages' sources; {@code -Dediteval.hostileImageRoots=a:b} points elsewhere. */
    static final String ROOTS_PROPERTY = "editeval.hostileImageRoots";
    private static final String DEFAULT_ROOTS = "/usr/share/go-1.19/src/image:/usr/share/gocode/src/golang.org/x/image";
    private static final String HEAP = "-Xmx256m";
    private static final long PROBE_TIMEOUT_SECONDS = 240;

    @TempDir
    Path dir;

    @Test
    void render_whenFilesAreHostile_previewsOrRejectsEachWithinTheHeapAndTime() throws Exception {
        List<Path> testData = testDataFolders();
        Path bombs = dir.resolve("bombs");
        List<String> bombNames = HostileFiles.writeBombs(bombs);
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                HostileFiles.class.getName(), bombs.toString()));
        testData.forEach(folder -> args.add(folder.toString()));
        Path log = dir.resolve("probe.log");

        Process probe = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = probe.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            probe.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

        String last = lines.isEmpty() ? "(no output)" : lines.getLast();
        assertThat(ended).as("the probe hung; its last line: %s", last).isTrue();
        assertThat(probe.exitValue()).as("the probe died; its output ends: %s", tail(lines)).isZero();
        Map<String, String> verdicts = verdicts(lines);
        long files = Long.parseLong(last.split("\t")[1]);
        assertThat(verdicts).hasSize((int) files);
        assertThat(verdicts.values()).allSatisfy(verdict -> assertThat(verdict)
                .matches("OK|REJECTED\t.{10,}").doesNotContain("out of memory"));
        bombNames.forEach(bomb -> assertThat(verdicts.get(bombs.resolve(bomb).toString()))
                .as(bomb).isNotNull());
        report(verdicts, bombs);
    }

    private static List<Path> testDataFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String root : System.getProperty(ROOTS_PROPERTY, DEFAULT_ROOTS).split(":")) {
            Path path = Path.of(root);
            if (!Files.isDirectory(path)) {
                fail("hostile test images missing: no " + path + ". Install them with"
                        + " `apt-get install golang-1.19-src golang-golang-x-image-dev` (.ci/run does), or point -D"
                        + ROOTS_PROPERTY + " at folders holding image testdata");
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isDirectory).filter(d -> d.getFileName().toString().equals("testdata"))
                        .forEach(folders::add);
            }
        }
        assertThat(folders).as("testdata folders under " + System.getProperty(ROOTS_PROPERTY, DEFAULT_ROOTS))
                .isNotEmpty();
        return folders;
    }

    /** The file of each verdict line, mapped to the verdict with its reason. */
    private static Map<String, String> verdicts(List<String> lines) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts[0].equals(HostileFiles.OK) || parts[0].equals(HostileFiles.REJECTED)) {
                verdicts.put(parts[parts.length - 1], String.join("\t", Arrays.copyOf(parts, parts.length - 1)));
            }
        }
        return verdicts;
    }

    /** Counts and the bombs' reasons, kept in target/ for the record. */
    private static void report(Map<String, String> verdicts, Path bombs) throws IOException {
        Map<String, Long> counts = verdicts.values().stream()
                .collect(Collectors.groupingBy(v -> v.split("\t")[0], Collectors.counting()));
        StringBuilder text = new StringBuilder("files " + verdicts.size() + " " + counts + " at " + HEAP + "\n");
        verdicts.forEach((file, verdict) -> text.append(verdict).append('\t')
                .append(file.replace(bombs.toString(), "bombs")).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-files.txt"), text);
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
