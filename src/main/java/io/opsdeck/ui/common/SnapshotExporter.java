package io.opsdeck.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javax.imageio.ImageIO;

/** Snapshots a node or scene on the FX thread and writes the PNG in the background. */
public final class SnapshotExporter {

    private final TaskRunner tasks;

    public SnapshotExporter(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
    }

    public WritableImage snapshot(Scene scene) {
        return scene.snapshot(null);
    }

    /** Writes {@code image} as PNG to {@code file} off the FX thread. */
    public TaskHandle writePng(Image image, Path file, Consumer<Path> done, Consumer<Throwable> failed) {
        return tasks.submit("write " + file, () -> {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("No PNG writer available");
            }
            return file;
        }, done, failed);
    }

    /** Puts the image on the system clipboard (FX thread). */
    public void copy(Image image) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
