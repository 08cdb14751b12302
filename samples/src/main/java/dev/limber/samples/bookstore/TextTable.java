package dev.limber.samples.bookstore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with left-aligned columns, sized to their widest cell. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("Expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            char[] dashes = new char[width];
            Arrays.fill(dashes, '-');
            rules.add(new String(dashes));
        }
        out.println(line(rules, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        return line.toString().stripTrailing();
    }
}
