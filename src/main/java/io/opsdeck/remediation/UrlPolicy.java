package io.opsdeck.remediation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** HTTP actions may only call URLs under a configured prefix; dot segments and user info are refused. */
final class UrlPolicy {

    private UrlPolicy() {
    }

    /** Null when {@code url} is allowed, else why not. */
    static String problem(String url, List<String> allow) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason();
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return "'" + url + "' is not an http(s) URL";
        }
        if (uri.getRawUserInfo() != null || uri.getRawPath() == null || uri.getRawPath().contains("/..")
                || uri.getRawPath().contains("/.") || uri.getRawPath().toLowerCase().contains("%2e")) {
            return "'" + url + "' has user info or dot segments";
        }
        for (String prefix : allow) {
            if (url.startsWith(prefix)) {
                return null;
            }
        }
        return "'" + url + "' is not under any remediation.http_allow prefix " + allow;
    }
}
