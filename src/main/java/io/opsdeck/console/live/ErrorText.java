package io.opsdeck.console.live;

import io.opsdeck.alertmanager.AlertmanagerException;
import io.opsdeck.prometheus.PrometheusException;

/** One sentence for a failed call, free of secrets: the clients' own messages, or the exception kind. */
final class ErrorText {

    private ErrorText() {
    }

    static String of(String source, Throwable e) {
        if (e instanceof PrometheusException || e instanceof AlertmanagerException || e instanceof SourceException) {
            return e.getMessage();
        }
        String kind = e.getClass().getSimpleName();
        return source + ": " + kind + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
