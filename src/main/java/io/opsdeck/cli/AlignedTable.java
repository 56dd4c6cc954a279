package io.opsdeck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with columns padded to their widest cell. Cells are untrusted (alert labels): control and
 * format characters are removed and newlines/tabs become spaces, so a hostile value cannot move the cursor, recolour
 * the terminal or break the layout.
 */
final class AlignedTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    AlignedTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; cells are sanitized and cut to {@code maxWidth} characters. */
    AlignedTable row(int maxWidth, String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> clean = new ArrayList<>();
        for (String cell : cells) {
            clean.add(clip(sanitize(cell), maxWidth));
        }
        rows.add(clean);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        printRow(out, header, widths);
        rows.forEach(r -> printRow(out, r, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Removes control (Cc) and format (Cf, e.g. bidi overrides) characters; whitespace controls become a space. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x0B || cp == 0x0C) {
                out.append(' ');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private static String clip(String text, int maxWidth) {
        if (text.codePointCount(0, text.length()) <= maxWidth) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxWidth - 1)) + "…";
    }
}
