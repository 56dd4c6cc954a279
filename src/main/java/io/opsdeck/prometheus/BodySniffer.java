package io.opsdeck.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/** Says in one sentence what a non-JSON answer was: an HTML page (with its title) or some other content type. */
final class BodySniffer {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,200})", Pattern.CASE_INSENSITIVE);

    private BodySniffer() {
    }

    static String describeNotJson(int code, MediaType type, ResponseBody body, long maxResponseBytes) throws IOException {
        // Only the start matters for the message; the rest is discarded with the response.
        String text = new String(body.byteStream().readNBytes((int) Math.min(65536, maxResponseBytes)), StandardCharsets.UTF_8);
        String mediaType = type.type() + "/" + type.subtype();
        String status = "answered HTTP " + code + " with ";
        if (type.subtype().equalsIgnoreCase("html") || text.stripLeading().startsWith("<")) {
            Matcher title = TITLE.matcher(text);
            return status + "an HTML page" + (title.find() ? " titled \"" + clean(title.group(1)) + "\"" : "")
                    + " instead of the Prometheus API's JSON (is a proxy or login page in the way?)";
        }
        String snippet = clean(text);
        return status + "content type " + mediaType + " instead of application/json"
                + (snippet.isEmpty() ? "" : ": \"" + (snippet.length() > 120 ? snippet.substring(0, 120) + "..." : snippet) + "\"");
    }

    // Untrusted text goes into an error line: one line, no control characters.
    private static String clean(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
    }
}
