package io.opsdeck.dashboard;

/**
 * Placeholder for a panel OpsDeck cannot show, drawn as a box with the reason instead of leaving a gap.
 *
 * @param id      panel id
 * @param title   panel title
 * @param gridPos place on the grid
 * @param type    the original panel type
 * @param reason  why it is not supported, never empty
 */
public record UnsupportedPanel(int id, String title, GridPos gridPos, String type, String reason)
        implements DashboardPanel {

    public UnsupportedPanel {
        title = title == null ? "" : title;
        type = type == null ? "" : type;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unsupported panel needs a reason");
        }
    }
}
