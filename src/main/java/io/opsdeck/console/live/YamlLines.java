package io.opsdeck.console.live;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML text as lines, edited by whole lines so everything outside an edited node stays byte for byte.
 * Lines keep their line breaks.
 */
final class YamlLines {

    private final List<String> lines = new ArrayList<>();

    YamlLines(String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + "\n");
        }
    }

    int size() {
        return lines.size();
    }

    String line(int index) {
        return lines.get(index);
    }

    /** Replaces lines {@code from..to} (inclusive) with {@code replacement} (may be empty). */
    void replace(int from, int to, List<String> replacement) {
        for (int i = to; i >= from; i--) {
            lines.remove(i);
        }
        lines.addAll(from, replacement);
    }

    void insert(int at, List<String> added) {
        lines.addAll(at, added);
    }

    /** Cuts characters {@code fromCol..toCol} (exclusive, code-point columns) out of one line. */
    void cut(int line, int fromCol, int toCol) {
        String s = lines.get(line);
        int a = s.offsetByCodePoints(0, fromCol);
        int b = s.offsetByCodePoints(0, toCol);
        String rest = s.substring(b);
        String head = s.substring(0, a);
        lines.set(line, rest.isBlank() ? head.stripTrailing() + "\n" : head + rest);
    }

    String text() {
        return String.join("", lines);
    }

    static int startLine(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0);
    }

    static int startColumn(Node node) {
        return node.getStartMark().map(Mark::getColumn).orElse(0);
    }

    /**
     * The last line holding any of the node's own text. Block collections' end marks point at the next token, which
     * may be lines further down, so the leaves decide.
     */
    static int lastLine(Node node) {
        if (node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK) {
            int last = startLine(node);
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    last = Math.max(last, Math.max(lastLine(t.getKeyNode()), lastLine(t.getValueNode())));
                }
            } else if (node instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    last = Math.max(last, lastLine(item));
                }
            }
            return last;
        }
        return node.getEndMark().map(m -> m.getColumn() == 0 && m.getLine() > startLine(node) ? m.getLine() - 1 : m.getLine())
                .orElse(startLine(node));
    }

    /** Prefixes each line of a block text: {@code first} on the first line, {@code rest} on the others. */
    static List<String> indent(String block, String first, String rest) {
        List<String> out = new ArrayList<>();
        String[] parts = block.split("\n");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.add((out.isEmpty() ? first : rest) + parts[i] + "\n");
            }
        }
        return out;
    }
}
