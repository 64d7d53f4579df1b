package dev.editeval.domain.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Bombs made on purpose, and the probe a forked JVM runs at the Lambda-sized heap over a list of folders: every file
 * through the renderer (as source, with itself as the output), one line per file, {@code OK} or {@code REJECTED}
 * with the reason. An out-of-memory error or a hang kills the probe, which the test sees.
 */
final class HostileFiles {

    static final String OK = "OK";
    static final String REJECTED = "REJECTED";

    private HostileFiles() {
    }

    /** Writes the bombs into {@code dir}, named for what they are; their names. */
    static List<String> writeBombs(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> bombs = bombs();
        for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
            Files.write(dir.resolve(bomb.getKey()), bomb.getValue());
        }
        return List.copyOf(bombs.keySet());
    }

    static Map<String, byte[]> bombs() {
        byte[] fig = ImagingFixtures.bytes(ImagingFixtures.FIG);
        byte[] chelsea = ImagingFixtures.bytes(ImagingFixtures.CHELSEA);
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        bombs.put("png-declares-100000x100000.png", TestImages.pngDeclaring(100_000, 100_000));
        bombs.put("png-declares-20000x20000.png", TestImages.pngDeclaring(20_000, 20_000));
        bombs.put("png-declares-7000x8000-no-data.png", TestImages.pngDeclaring(7_000, 8_000));
        bombs.put("png-deflate-bomb-7500x7500-rgb.png", zeroPng(7_500, 7_500, 8, 2));
        bombs.put("png-deflate-bomb-5000x5000-rgba16.png", zeroPng(5_000, 5_000, 16, 6));
        bombs.put("png-iccp-bomb.png", withChunk(chelsea, "iCCP", zlibOfZeros("bomb", 256 * 1024 * 1024)));
        bombs.put("png-ztxt-bomb.png", withChunk(chelsea, "zTXt", zlibOfZeros("Comment", 256 * 1024 * 1024)));
        bombs.put("png-20000-text-chunks.png", manyTextChunks(chelsea, 20_000));
        bombs.put("gif-declares-60000x60000.gif", gifDeclaring(60_000, 60_000));
        bombs.put("gif-declares-20000x3000.gif", gifDeclaring(20_000, 3_000));
        bombs.put("jpeg-declares-65000x65000.jpg", jpegDeclaring(fig, 65_000, 65_000));
        bombs.put("jpeg-declares-9000x6600.jpg", jpegDeclaring(fig, 9_000, 6_600));
        bombs.put("jpeg-icc-bomb-16mb.jpg", iccBomb(fig));
        bombs.put("jpeg-truncated.jpg", Arrays.copyOf(fig, fig.length / 3));
        bombs.put("png-truncated.png", Arrays.copyOf(chelsea, chelsea.length / 3));
        bombs.put("svg-named.png", ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"99999\""
                + " height=\"99999\"><rect width=\"100%\" height=\"100%\"/></svg>").getBytes(StandardCharsets.UTF_8));
        bombs.put("html-named.png", "<!DOCTYPE html><html><body>403 Forbidden</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        bombs.put("empty.png", new byte[0]);
        return bombs;
    }

    /** A real PNG header and an IDAT of zero rows: megabytes of pixels from a few hundred KB of deflate. */
    private static byte[] zeroPng(int width, int height, int bitDepth, int colourType) {
        int channels = colourType == 6 ? 4 : 3;
        long rowBytes = 1 + (long) width * channels * bitDepth / 8;
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        TestImages.chunk(out, "IHDR", header.array());
        TestImages.chunk(out, "IDAT", deflatedZeros(rowBytes * height));
        TestImages.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] zlibOfZeros(String keyword, long count) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes((keyword + "\0\0").getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(deflatedZeros(count));
        return data.toByteArray();
    }

    private static byte[] deflatedZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long left = count; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** The PNG with one more chunk right after its header chunk. */
    private static byte[] withChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        TestImages.chunk(out, type, data);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] manyTextChunks(byte[] png, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        byte[] text = ("Comment\0" + "x".repeat(1000)).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < count; i++) {
            TestImages.chunk(out, "tEXt", text);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** A GIF whose screen and first frame declare this size, with a few bytes of image data. */
    private static byte[] gifDeclaring(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0x80).put((byte) 0).put((byte) 0)
                .put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255})
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width)
                .putShort((short) height).put((byte) 0)
                .put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(gif.array(), gif.position());
    }

    /** The JPEG with its frame header's height and width overwritten. */
    private static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        for (int at = 2; at + 9 < patched.length; at++) {
            int marker = patched[at + 1] & 0xFF;
            if ((patched[at] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
                patched[at + 5] = (byte) (height >> 8);
                patched[at + 6] = (byte) height;
                patched[at + 7] = (byte) (width >> 8);
                patched[at + 8] = (byte) width;
                return patched;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** The JPEG with the most APP2 ICC chunks a profile may have, 255 of 64 KB: a 16 MB profile of garbage. */
    private static byte[] iccBomb(byte[] jpeg) {
        int segments = 255;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        byte[] body = new byte[65_000];
        Arrays.fill(body, (byte) 0x41);
        for (int i = 0; i < segments; i++) {
            int length = 2 + 14 + body.length;
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
            out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) (i + 1), (byte) segments});
            out.writeBytes(body);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The probe: {@code java -Xmx256m ... HostileFiles DIR...}; one line per file, then {@code DONE n}. */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        List<Path> files = new ArrayList<>();
        for (String dir : args) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        PreviewRenderer renderer = PreviewRenderer.create();
        for (Path file : files) {
            out.println("START\t" + file);
            byte[] bytes = Files.readAllBytes(file);
            PreviewSet set = renderer.render(bytes, List.of(new NamedImage("copy", bytes)));
            String verdict = set.failures().isEmpty() ? OK
                    : REJECTED + "\t" + set.failures().getFirst().problem().reason();
            out.println(verdict + "\t" + file);
        }
        out.println("DONE\t" + files.size());
    }
}
