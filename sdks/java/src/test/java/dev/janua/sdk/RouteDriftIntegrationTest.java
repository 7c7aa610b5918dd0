package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drift between the SDK and the server's OpenAPI document fails the build (sdks/README.md §2). */
@ExtendWith(JanuaServer.class)
class RouteDriftIntegrationTest {

    @Test
    void everyRouteOfTheTableIsInTheServersOpenApiDocument() {
        JsonNode paths = TestSupport.getJson("/openapi.json").path("paths");
        Set<String> served = new HashSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String normalised = normalise(path.startsWith("/api/v1/") ? path.substring(7) : path);
            paths.get(path).fieldNames().forEachRemaining(m -> served.add(m.toUpperCase() + " " + normalised));
        }
        List<String> missing = new ArrayList<>();
        for (String route : Routes.ALL) if (!served.contains(normalise(route))) missing.add(route);
        assertEquals(List.of(), missing, "SDK routes the server's OpenAPI document does not have");
    }

    @Test
    void everyPathTheNamespacesCallIsInTheTable() throws Exception {
        // every path literal of the namespace sources must be a piece of some route of the table
        String table = String.join("\n", Routes.ALL).replaceAll("\\{[^}]+}", "{}");
        Pattern literal = Pattern.compile("\"(/[a-z][a-z0-9/._-]*)\"");
        Path dir = Path.of("src/main/java/dev/janua/sdk");
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Routes.java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String piece = m.group(1);
                    if (piece.equals("/api/v1") || piece.equals("/v1")) continue;
                    if (!table.contains(piece)) unknown.add(f.getFileName() + ": " + piece);
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(Routes.ALL.size() > 80);
    }

    private static String normalise(String route) {
        return route.replaceAll("\\{[^}]+}", "{}");
    }
}
