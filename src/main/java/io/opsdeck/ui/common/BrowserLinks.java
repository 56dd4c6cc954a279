package io.opsdeck.ui.common;

import java.awt.Desktop;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens http and https links in the desktop's browser, off the FX thread; every other scheme is refused. */
public final class BrowserLinks {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserLinks.class);

    private BrowserLinks() {
    }

    /** Opens {@code url} when it is http(s) and the desktop can browse; otherwise logs why not. */
    public static void open(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            LOG.warn("Not opening a malformed link");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            LOG.warn("Not opening a {} link: only http and https links open in the browser", scheme.isEmpty() ? "relative" : scheme);
            return;
        }
        Thread.ofVirtual().name("open-link").start(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                } else {
                    LOG.info("This desktop cannot open a browser; link: {}", uri);
                }
            } catch (Exception e) {
                LOG.warn("Could not open the browser: {}", e.getMessage());
            }
        });
    }
}
