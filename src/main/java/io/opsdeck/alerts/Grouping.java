package io.opsdeck.alerts;

import java.util.List;
import java.util.Objects;

/**
 * How to group and order rows. {@code cluster} is a pseudo-label: the OpsDeck cluster unless the alert carries a
 * real {@code cluster} label.
 *
 * <pre>{@code
 * Grouping g = Grouping.byLabels("alertname", "instance").sortedBy(Grouping.Sort.START_TIME);
 * Grouping t = Grouping.byLabels("team").sortedByLabel("team");
 * }</pre>
 *
 * @param labels    labels whose values form a group; empty puts every row in one group
 * @param sort      group order; default {@link Sort#SEVERITY}
 * @param sortLabel the label for {@link Sort#LABEL}
 */
public record Grouping(List<String> labels, Sort sort, String sortLabel) {

    /** Group order. Ties are broken by the group's label values, so the order is stable across refreshes. */
    public enum Sort {
        /** Worst severity first (critical, warning, info, other), then more rows of that severity first. */
        SEVERITY,
        /** Most recently started first. */
        START_TIME,
        /** By the smallest value of {@code sortLabel} in the group, alphabetically. */
        LABEL
    }

    /** The default: by alertname, worst severity first. */
    public static final Grouping DEFAULT = byLabels("alertname");

    public Grouping {
        labels = List.copyOf(labels);
        Objects.requireNonNull(sort, "sort");
        if (sort == Sort.LABEL && (sortLabel == null || sortLabel.isBlank())) {
            throw new IllegalArgumentException("sorting by label needs the label's name");
        }
    }

    public static Grouping byLabels(String... labels) {
        return new Grouping(List.of(labels), Sort.SEVERITY, null);
    }

    public static Grouping byLabels(List<String> labels) {
        return new Grouping(labels, Sort.SEVERITY, null);
    }

    public Grouping sortedBy(Sort newSort) {
        return new Grouping(labels, newSort, newSort == Sort.LABEL ? sortLabel : null);
    }

    public Grouping sortedByLabel(String label) {
        return new Grouping(labels, Sort.LABEL, label);
    }
}
