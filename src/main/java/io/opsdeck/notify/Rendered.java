package io.opsdeck.notify;

import java.util.Map;

/** A notification rendered for one channel, already escaped and redacted. {@code html} is null except for email. */
public record Rendered(String subject, String text, String html, Map<String, String> links) {

    public Rendered {
        links = links == null ? Map.of() : Map.copyOf(links);
    }
}
