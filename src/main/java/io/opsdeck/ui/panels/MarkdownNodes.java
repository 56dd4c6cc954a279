package io.opsdeck.ui.panels;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown to JavaFX nodes built from the commonmark AST: headings, paragraphs, emphasis, lists, quotes and code
 * become Text/TextFlow nodes. Raw HTML is shown as its literal text; images are never fetched (shown as
 * {@code [image: alt]}); only http and https links become clickable, and they go to {@code openLink}.
 *
 * <pre>{@code
 * Node n = new MarkdownNodes(url -> hostServices.showDocument(url)).render("# Runbook\nSee [wiki](https://wiki)");
 * }</pre>
 */
public final class MarkdownNodes {

    private static final Parser PARSER = Parser.builder().build();
    private final Consumer<String> openLink;

    public MarkdownNodes(Consumer<String> openLink) {
        this.openLink = openLink;
    }

    /** Renders Markdown; never touches the network, never interprets HTML. */
    public VBox render(String markdown) {
        VBox box = new VBox(6);
        box.getStyleClass().add("markdown");
        org.commonmark.node.Node doc = PARSER.parse(markdown == null ? "" : markdown);
        for (org.commonmark.node.Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            box.getChildren().add(block(block, 0));
        }
        return box;
    }

    /** True for links that may open in the browser. */
    public static boolean openable(String url) {
        String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    private Node block(org.commonmark.node.Node b, int depth) {
        if (b instanceof Heading h) {
            TextFlow f = inline(b, 22 - 2.5 * Math.min(4, h.getLevel()), FontWeight.BOLD);
            f.getStyleClass().add("markdown-h" + h.getLevel());
            return f;
        }
        if (b instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof HtmlBlock html) {
            return plain(html.getLiteral());
        }
        if (b instanceof ThematicBreak) {
            return plain("\u2014\u2014\u2014");
        }
        if (b instanceof BulletList || b instanceof OrderedList) {
            VBox list = new VBox(2);
            int n = b instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (var item = b.getFirstChild(); item != null; item = item.getNext()) {
                String marker = b instanceof OrderedList ? (n++) + ". " : "\u2022 ";
                VBox content = new VBox(2);
                for (var c = item.getFirstChild(); c != null; c = c.getNext()) {
                    content.getChildren().add(block(c, depth + 1));
                }
                Text m = new Text(marker);
                m.getStyleClass().add("markdown-text");
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(2, m, content);
                row.setPadding(new javafx.geometry.Insets(0, 0, 0, 12));
                list.getChildren().add(row);
            }
            return list;
        }
        if (b instanceof BlockQuote || b instanceof ListItem) {
            VBox q = new VBox(4);
            q.getStyleClass().add("markdown-quote");
            q.setPadding(new javafx.geometry.Insets(0, 0, 0, 10));
            for (var c = b.getFirstChild(); c != null; c = c.getNext()) {
                q.getChildren().add(block(c, depth + 1));
            }
            return q;
        }
        return inline(b, 13, FontWeight.NORMAL);
    }

    private static Node code(String literal) {
        Text t = new Text(literal.stripTrailing());
        t.setFont(Font.font("Monospaced", 12));
        t.getStyleClass().addAll("markdown-text", "markdown-code");
        return new TextFlow(t);
    }

    private static Node plain(String literal) {
        Text t = new Text(literal.stripTrailing());
        t.getStyleClass().add("markdown-text");
        return new TextFlow(t);
    }

    private TextFlow inline(org.commonmark.node.Node parent, double size, FontWeight weight) {
        TextFlow flow = new TextFlow();
        parent.accept(new AbstractVisitor() {
            private FontWeight w = weight;
            private FontPosture posture = FontPosture.REGULAR;

            private void add(String s, boolean mono) {
                Text t = new Text(s);
                t.setFont(mono ? Font.font("Monospaced", size - 1) : Font.font("System", w, posture, size));
                t.getStyleClass().add("markdown-text");
                flow.getChildren().add(t);
            }

            @Override
            public void visit(org.commonmark.node.Text text) {
                add(text.getLiteral(), false);
            }

            @Override
            public void visit(Code code) {
                add(code.getLiteral(), true);
            }

            @Override
            public void visit(HtmlInline html) {
                add(html.getLiteral(), false);
            }

            @Override
            public void visit(SoftLineBreak b) {
                add(" ", false);
            }

            @Override
            public void visit(HardLineBreak b) {
                add("\n", false);
            }

            @Override
            public void visit(Emphasis e) {
                FontPosture was = posture;
                posture = FontPosture.ITALIC;
                visitChildren(e);
                posture = was;
            }

            @Override
            public void visit(StrongEmphasis e) {
                FontWeight was = w;
                w = FontWeight.BOLD;
                visitChildren(e);
                w = was;
            }

            @Override
            public void visit(Image image) {
                // never load: remote images would leak that the console is open, local ones could be anything
                add("[image: " + text(image) + "]", false);
            }

            @Override
            public void visit(Link link) {
                String label = text(link);
                if (openable(link.getDestination())) {
                    Hyperlink h = new Hyperlink(label.isEmpty() ? link.getDestination() : label);
                    h.getStyleClass().add("markdown-link");
                    String url = link.getDestination().trim();
                    h.setOnAction(e -> openLink.accept(url));
                    flow.getChildren().add(h);
                } else {
                    add(label.isEmpty() ? link.getDestination() : label, false);
                }
            }
        });
        return flow;
    }

    private static String text(org.commonmark.node.Node n) {
        StringBuilder b = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                b.append(c.getLiteral());
            }
        });
        return b.toString();
    }
}
