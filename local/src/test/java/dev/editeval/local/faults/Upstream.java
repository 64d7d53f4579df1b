package dev.editeval.local.faults;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server behind a {@link FaultProxy}, spoken to over a socket of its own per request as HTTP/1.0: the request's
 * headers go as they came (Java's HTTP client would replace Host, and S3 signs it), and the answer ends with the
 * connection, so there is no chunked encoding to undo.
 */
final class Upstream {

    /** Hop-by-hop, or set again from the body actually sent. */
    private static final Set<String> NOT_FORWARDED = Set.of("content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final URI target;

    Upstream(URI target) {
        this.target = target;
    }

    Response send(HttpExchange exchange, byte[] body) throws IOException {
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(exchange.getRequestMethod()).append(' ')
                    .append(exchange.getRequestURI().getRawPath());
            if (exchange.getRequestURI().getRawQuery() != null) {
                head.append('?').append(exchange.getRequestURI().getRawQuery());
            }
            head.append(" HTTP/1.0\r\n");
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
                }
            });
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("the server behind the proxy sent no complete answer");
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip();
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase("content-length")) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        // the length a HEAD answer declares is the object's; every other answer's is set again from its body
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-length") && body.length > 0);
        return new Response(status, headers, body);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
