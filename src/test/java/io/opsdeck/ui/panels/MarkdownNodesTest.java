package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownNodesTest {

    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        // toolkit only
    }

    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(all(c)));
        }
        return out;
    }

    private static String text(List<Node> nodes) {
        StringBuilder b = new StringBuilder();
        nodes.stream().filter(Text.class::isInstance).forEach(t -> b.append(((Text) t).getText()));
        return b.toString();
    }

    @Test
    void scriptsAndHtmlAreShownAsPlainTextAndImagesAreNeverLoaded() {
        List<Node> nodes = all(new MarkdownNodes(opened::add).render(
                "<script>alert(1)</script>\n\nHi <b>there</b> ![tracker](http://127.0.0.1:9/pixel.png)"));
        assertThat(text(nodes)).contains("<script>alert(1)</script>").contains("<b>").contains("[image: tracker]");
        assertThat(nodes).noneMatch(ImageView.class::isInstance).noneMatch(n -> n.getClass().getName().contains("WebView"));
    }

    @Test
    void onlyHttpAndHttpsLinksAreClickableAndTheyGoToTheCallback() {
        List<Node> nodes = all(new MarkdownNodes(opened::add).render(
                "# Runbook\n\n- see [wiki](https://wiki.example/x)\n- [local](file:///etc/passwd) and [js](javascript:alert(1))"));
        List<Hyperlink> links = nodes.stream().filter(Hyperlink.class::isInstance).map(Hyperlink.class::cast).toList();
        assertThat(links).extracting(Hyperlink::getText).containsExactly("wiki");
        links.get(0).fire();
        assertThat(opened).containsExactly("https://wiki.example/x");
        assertThat(text(nodes)).contains("Runbook").contains("local").contains("js");
    }
}
