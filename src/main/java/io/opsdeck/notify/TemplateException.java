package io.opsdeck.notify;

/** A template that does not compile or render; the message names the template and line. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
