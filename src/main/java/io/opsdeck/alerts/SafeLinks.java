package io.opsdeck.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether a URL taken from alert data (untrusted) may be opened as a link: only absolute {@code http} and
 * {@code https} URLs with a host, no user info, no whitespace or control characters. Everything else
 * ({@code javascript:}, {@code file:}, {@code data:}, relative paths, ...) is shown as plain text.
 */
public final class SafeLinks {

    private SafeLinks() {
    }

    public static boolean isOpenable(String url) {
        if (url == null || url.isEmpty() || url.length() > 8192) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return false;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
