package io.opsdeck.console;

import java.util.List;
import java.util.Set;

/**
 * What the shell knows about a dashboard before the dashboards work renders its panels.
 *
 * @param id        stable id, used by roles and playlists
 * @param title     shown in lists and as the dashboard area's heading
 * @param tags      used by playlists ({@code tag: db}) and quick-open
 * @param variables the dashboard's template variables for the variables bar
 */
public record DashboardSummary(String id, String title, Set<String> tags, List<DashboardVariable> variables) {

    public DashboardSummary {
        tags = Set.copyOf(tags);
        variables = List.copyOf(variables);
    }

    public DashboardSummary(String id, String title, Set<String> tags) {
        this(id, title, tags, List.of());
    }
}
