package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/*.md honest: every ```java (and ```xml) block must be, modulo indentation, a region
 * between {@code tag::<name>[]} and {@code end::<name>[]} markers in a source the build compiles; every
 * ```sql and ```properties block must be such a region or a run of lines in one of the sample's
 * files of that kind. So a doc cannot show code that does not compile or no longer exists.
 */
class DocsSnippetsTest {
    private static final Path SAMPLES = Path.of("").toAbsolutePath();
    private static final Path DOCS = SAMPLES.resolveSibling("docs");
    /**
     * The new application docs/getting-started.md walks through: its pom.xml, limber.properties and
     * sources, which the Maven plugin's integration test builds, migrates and runs.
     */
    private static final Path GETTING_STARTED = SAMPLES.resolveSibling("maven-plugin/src/it/getting-started");
    private static final Pattern TAG = Pattern.compile("tag::([\\w.-]+)\\[\\]");
    private static final Pattern END = Pattern.compile("end::([\\w.-]+)\\[\\]");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    /** {@code <!-- snippet: name -->} on the line before a block names the region it copies. */
    private static final Pattern SNIPPET = Pattern.compile("^\\s*<!-- snippet: ([\\w.-]+) -->\\s*$");

    /** One fenced code block of a page. */
    record Block(Path page, int line, String language, String text, String snippet) {
        String where() {
            return DOCS.relativize(page) + ":" + line;
        }
    }

    @Test
    void everyJavaBlockInTheDocsIsATaggedRegionOfCompiledSource() {
        Map<String, String> regions = regions();
        List<Block> blocks = blocks().stream().filter(b -> b.language().equals("java")).toList();

        assertWithMessage("java blocks in docs/*.md").that(blocks).isNotEmpty();
        for (Block block : blocks) {
            assertWithMessage("```java block at docs/%s is not, modulo indentation, a tag::<name>[] region of"
                    + " samples/src (%s regions found); copy it from the source or tag the source.\n%s",
                    block.where(), regions.size(), block.text())
                    .that(regions.containsValue(block.text())).isTrue();
        }
    }

    @Test
    void everyXmlBlockInTheDocsIsATaggedRegionOfABuiltPom() {
        Map<String, String> regions = regions();
        for (Block block : blocks()) {
            if (block.language().equals("xml")) {
                assertWithMessage("```xml block at docs/%s is not a tagged region of samples/pom.xml or of the"
                        + " getting-started project's pom.xml:\n%s",
                        block.where(), block.text())
                        .that(regions.containsValue(block.text())).isTrue();
            }
        }
    }

    @Test
    void everySqlAndPropertiesBlockIsTakenFromTheSampleFiles() {
        Map<String, String> regions = regions();
        for (Block block : blocks()) {
            String extension = switch (block.language()) {
                case "sql" -> ".sql";
                case "properties" -> ".properties";
                default -> null;
            };
            if (extension == null) {
                continue;
            }
            boolean found = regions.containsValue(block.text())
                    || sourceFiles().stream()
                            .filter(file -> file.toString().endsWith(extension))
                            .anyMatch(file -> containsLines(normalize(stripMarkers(read(file))), block.text()));
            assertWithMessage("```%s block at docs/%s is not in any samples/**/*%s file:\n%s",
                    block.language(), block.where(), extension, block.text())
                    .that(found).isTrue();
        }
    }

    @Test
    void everyBlockMarkedAsASnippetIsExactlyThatRegion() {
        Map<String, String> regions = regions();
        List<Block> marked = blocks().stream().filter(b -> b.snippet() != null).toList();

        assertWithMessage("blocks marked <!-- snippet: … -->").that(marked).isNotEmpty();
        for (Block block : marked) {
            assertWithMessage("docs/%s names snippet %s, which no tag::%s[] region defines", block.where(),
                    block.snippet(), block.snippet())
                    .that(regions).containsKey(block.snippet());
            assertWithMessage("docs/%s is not what region %s holds now; copy the region again", block.where(),
                    block.snippet())
                    .that(block.text()).isEqualTo(regions.get(block.snippet()));
        }
    }

    @Test
    void everyLinkBetweenPagesReachesAPageAndHeading() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([\\w-]+\\.md)(?:#([\\w-]+))?\\)");
        int links = 0;
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    links++;
                    Path target = DOCS.resolve(m.group(1));
                    assertWithMessage("docs/%s links to %s, which does not exist", DOCS.relativize(page), m.group(1))
                            .that(Files.exists(target)).isTrue();
                    if (m.group(2) != null) {
                        assertWithMessage("docs/%s links to %s#%s, which has no such heading", DOCS.relativize(page),
                                m.group(1), m.group(2))
                                .that(headingAnchors(target)).contains(m.group(2));
                    }
                }
            }
        }
        assertThat(links).isGreaterThan(0);
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
    private static List<String> headingAnchors(Path page) {
        return read(page).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\w\\- ]", "").replace(' ', '-'))
                .toList();
    }

    @Test
    void everyTagIsClosedAndNamedOnce() {
        // regions() throws on an unclosed or duplicated tag; this names the test that guards it.
        assertThat(regions()).isNotEmpty();
    }

    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path file : sourceFiles()) {
            List<String> lines = read(file);
            Map<String, Integer> open = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher tag = TAG.matcher(lines.get(i));
                Matcher end = END.matcher(lines.get(i));
                if (tag.find()) {
                    open.put(tag.group(1), i + 1);
                } else if (end.find()) {
                    String name = end.group(1);
                    Integer start = open.remove(name);
                    assertWithMessage("%s:%s closes tag %s, which is not open", file, i + 1, name).that(start).isNotNull();
                    String previous = regions.put(name, normalize(stripMarkers(lines.subList(start, i))));
                    assertWithMessage("tag %s is defined twice (again in %s)", name, file).that(previous).isNull();
                }
            }
            assertWithMessage("%s: tags never closed", file).that(open.keySet()).isEmpty();
        }
        return regions;
    }

    private static List<Path> sourceFiles() {
        List<Path> files = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        for (String root : List.of("src", "database/migrations", "pom.xml", "limber.properties", "plain-javac.sh")) {
            roots.add(SAMPLES.resolve(root));
        }
        for (String root : List.of("src", "pom.xml", "limber.properties")) {
            roots.add(GETTING_STARTED.resolve(root));
        }
        for (Path path : roots) {
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(DocsSnippetsTest::isText).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sql") || name.endsWith(".xml")
                || name.endsWith(".properties") || name.endsWith(".sh");
    }

    private static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> list = Files.list(DOCS)) {
            pages = new ArrayList<>(list.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.add(SAMPLES.resolveSibling("README.md"));   // the repository's README shows snippets too
        for (Path page : pages) {
            List<String> lines = read(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher fence = FENCE.matcher(lines.get(i));
                if (!fence.matches() || fence.group(1).isEmpty()) {
                    continue;
                }
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
                    end++;
                }
                Matcher marker = i > 0 ? SNIPPET.matcher(lines.get(i - 1)) : null;
                String snippet = marker != null && marker.matches() ? marker.group(1) : null;
                blocks.add(new Block(page, start, fence.group(1), normalize(lines.subList(start, end)), snippet));
                i = end;
            }
        }
        return blocks;
    }

    private static List<String> stripMarkers(List<String> lines) {
        return lines.stream().filter(l -> !TAG.matcher(l).find() && !END.matcher(l).find()).toList();
    }

    /** Lines without trailing blanks and without the indentation they all share, joined by newlines. */
    static String normalize(List<String> lines) {
        List<String> trimmed = new ArrayList<>();
        for (String line : lines) {
            trimmed.add(line.stripTrailing());
        }
        while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
            trimmed.remove(0);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (String line : trimmed) {
            if (!line.isEmpty()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : trimmed) {
            out.add(line.isEmpty() ? line : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static boolean containsLines(String haystack, String needle) {
        return ("\n" + haystack + "\n").contains("\n" + needle + "\n");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
