package io.opsdeck.ui.shell;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.Role;
import io.opsdeck.console.TimeRange;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: role, its dashboards and default alert filter, the section shown, time range,
 * refresh interval and the selected dashboard's variables. Views bind to it; only it talks to services.
 */
public final class ShellViewModel {

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final ObservableList<Role> roles = FXCollections.observableArrayList();
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    private final ObservableList<DashboardSummary> dashboards = FXCollections.observableArrayList();
    private final ObjectProperty<DashboardSummary> dashboard = new SimpleObjectProperty<>();
    private final ObservableList<DashboardVariable> variables = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper alertFilter = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DASHBOARDS);
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.last(Duration.ofHours(1)));
    private final ObjectProperty<RefreshInterval> refresh = new SimpleObjectProperty<>(RefreshInterval.S30);
    private final StatusViewModel status;

    /**
     * @param roleOverride a role named on the command line; wins over the remembered one; may be null
     */
    public ShellViewModel(ConsoleServices services, TaskRunner tasks, StatusViewModel status, String roleOverride) {
        this.services = services;
        this.tasks = tasks;
        this.status = status;
        status.refreshProperty().bind(refresh);
        roles.setAll(services.roles().roles());
        role.addListener((o, old, r) -> roleChanged(r, old != null));
        dashboard.addListener((o, a, d) -> variables.setAll(d == null ? List.of() : d.variables()));
        Role initial = (roleOverride == null ? java.util.Optional.<Role>empty() : services.roles().find(roleOverride))
                .or(() -> services.preferences().lastRole().flatMap(services.roles()::find))
                .orElse(roles.getFirst());
        role.set(initial);
    }

    private void roleChanged(Role r, boolean remember) {
        List<DashboardSummary> list = new ArrayList<>();
        for (String id : r.dashboardIds()) {
            services.dashboards().find(id).ifPresent(list::add);
        }
        dashboards.setAll(list);
        dashboard.set(list.isEmpty() ? null : list.getFirst());
        alertFilter.set(r.defaultFilter());
        if (remember) {
            String name = r.name();
            tasks.submit("remember role " + name, () -> services.preferences().lastRole(name));
        }
    }

    public ObservableList<Role> roles() {
        return roles;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** Selects the role with this name (ignoring case); returns false when there is none. */
    public boolean selectRole(String name) {
        return services.roles().find(name).map(r -> {
            role.set(r);
            return true;
        }).orElse(false);
    }

    /** The current role's dashboards. */
    public ObservableList<DashboardSummary> dashboards() {
        return dashboards;
    }

    public ObjectProperty<DashboardSummary> dashboardProperty() {
        return dashboard;
    }

    /** Opens a dashboard from anywhere (quick-open): shows the Dashboards section with it selected. */
    public void openDashboard(String id) {
        services.dashboards().find(id).ifPresent(d -> {
            dashboard.set(d);
            section.set(Section.DASHBOARDS);
        });
    }

    /** The selected dashboard's variables, for the variables bar. */
    public ObservableList<DashboardVariable> variables() {
        return variables;
    }

    /** Chooses a value for a variable; unknown names or values are ignored. */
    public void selectVariable(String name, String value) {
        for (int i = 0; i < variables.size(); i++) {
            DashboardVariable v = variables.get(i);
            if (v.name().equals(name) && v.options().contains(value) && !v.selected().equals(value)) {
                variables.set(i, new DashboardVariable(name, v.options(), value));
            }
        }
    }

    /** The role's default alert filter, which the Alerts workspace starts with. */
    public ReadOnlyStringProperty alertFilterProperty() {
        return alertFilter.getReadOnlyProperty();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<TimeRange> timeRangeProperty() {
        return timeRange;
    }

    public ObjectProperty<RefreshInterval> refreshProperty() {
        return refresh;
    }

    public StatusViewModel status() {
        return status;
    }
}
