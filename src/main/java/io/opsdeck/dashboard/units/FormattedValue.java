package io.opsdeck.dashboard.units;

/**
 * A formatted number split like Grafana's FormattedValue, so a UI can style the unit apart from the digits.
 *
 * @param prefix e.g. "$", empty when none
 * @param text   the digits
 * @param suffix e.g. " KiB" (with Grafana's leading space), empty when none
 */
public record FormattedValue(String prefix, String text, String suffix) {

    public FormattedValue {
        prefix = prefix == null ? "" : prefix;
        text = text == null ? "" : text;
        suffix = suffix == null ? "" : suffix;
    }

    static FormattedValue of(String text, String suffix) {
        return new FormattedValue("", text, suffix);
    }

    /** prefix + text + suffix, as Grafana's formattedValueToString. */
    @Override
    public String toString() {
        return prefix + text + suffix;
    }
}
