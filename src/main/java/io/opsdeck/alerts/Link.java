package io.opsdeck.alerts;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Something an alert detail can point at: a web URL ({@link SafeLinks#isOpenable} holds) or a local document
 * inside the docs folder. {@code text} is always the raw value, shown as plain text when nothing is openable.
 *
 * @param url  an openable http(s) URL, or {@code null}
 * @param file a document under the docs base, or {@code null}
 * @param note why it is not openable, or {@code null} when it is
 */
public record Link(String text, String url, Path file, String note) {

    public boolean openable() {
        return url != null || file != null;
    }

    public Optional<String> webUrl() {
        return Optional.ofNullable(url);
    }

    public Optional<Path> localFile() {
        return Optional.ofNullable(file);
    }

    static Link of(String text, Path docsBase) {
        if (SafeLinks.isOpenable(text)) {
            return new Link(text, text, null, null);
        }
        if (text.contains(":") || text.startsWith("/") || text.startsWith("\\")) {
            return new Link(text, null, null, "not an http(s) link, shown as text");
        }
        if (docsBase == null) {
            return new Link(text, null, null, "a repository path, but no docs folder is configured");
        }
        Path base = docsBase.toAbsolutePath().normalize();
        Path resolved;
        try {
            String rel = text;
            int cut = rel.indexOf('#');
            rel = cut >= 0 ? rel.substring(0, cut) : rel;
            // "docs/runbooks/X.md" against a base that is itself the docs folder
            if (rel.startsWith("docs/") && base.getFileName() != null && base.getFileName().toString().equals("docs")) {
                rel = rel.substring("docs/".length());
            }
            resolved = base.resolve(rel).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return new Link(text, null, null, "not a valid path");
        }
        if (!resolved.startsWith(base)) {
            return new Link(text, null, null, "points outside the docs folder");
        }
        return new Link(text, null, resolved, null);
    }
}
