package io.opsdeck.alerts;

/** A filter text that does not parse; {@link #error()} says where and why. */
public final class FilterException extends IllegalArgumentException {

    private final transient FilterError error;

    FilterException(FilterError error) {
        super(error.toString());
        this.error = error;
    }

    public FilterError error() {
        return error;
    }
}
