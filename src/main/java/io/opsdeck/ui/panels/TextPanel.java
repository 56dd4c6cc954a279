package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Text: the panel's Markdown content ({@code options.content}) as native nodes, scrollable. */
public final class TextPanel implements PanelView {

    private final ScrollPane root = new ScrollPane();
    private final int blocks;

    public TextPanel(Panel panel, PanelContext context) {
        String content = String.valueOf(panel.options().getOrDefault("content", ""));
        var box = new MarkdownNodes(context.openLink()).render(content);
        blocks = box.getChildren().size();
        root.setContent(box);
        root.setFitToWidth(true);
        io.opsdeck.ui.common.ScrollPanes.withoutViewportCache(root);
        root.getStyleClass().add("text-panel");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setData(Frame frame) {
        // static content
    }

    @Override
    public long pointsDrawn() {
        return blocks;
    }
}
