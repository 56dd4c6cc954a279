package io.opsdeck.dashboard;

import io.opsdeck.dashboard.units.ValueFormats;
import io.opsdeck.dashboard.variables.TemplateInterpolator;
import io.opsdeck.dashboard.variables.VariableResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Static checks of dashboard files for {@code opsdeck check}: load errors, unsupported panels, unknown units,
 * variable cycles, references to undefined variables, repeats by unknown variables, duplicate panel ids and
 * panels without queries.
 *
 * <pre>{@code
 * List<DashboardCheck.Problem> problems = DashboardCheck.check(Dashboards.files(dir), DatasourceResolver.single("prod"));
 * }</pre>
 */
public final class DashboardCheck {

    private static final Set<String> NO_QUERIES = Set.of("text", "alertlist");

    /**
     * One finding.
     *
     * @param file       dashboard file
     * @param panelId    panel id, 0 for the whole dashboard
     * @param panelTitle panel title, empty for the whole dashboard
     * @param reason     what is wrong
     */
    public record Problem(Path file, int panelId, String panelTitle, String reason) {
        @Override
        public String toString() {
            return file.getFileName() + (panelId == 0 && panelTitle.isEmpty() ? "" : ": panel " + panelId
                    + " '" + panelTitle + "'") + ": " + reason;
        }
    }

    private DashboardCheck() {
    }

    /** Checks every file; a file that does not load yields one problem and the others are still checked. */
    public static List<Problem> check(List<Path> files, DatasourceResolver resolver) {
        List<Problem> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(check(f, Dashboards.load(f, resolver)));
            } catch (DashboardException e) {
                out.add(new Problem(f, 0, "", e.getMessage()));
            }
        }
        return out;
    }

    /** Checks a loaded dashboard. */
    public static List<Problem> check(Path file, Dashboard d) {
        List<Problem> out = new ArrayList<>();
        d.warnings().forEach(w -> out.add(new Problem(file, 0, "", w)));
        Set<String> names = new HashSet<>();
        d.variables().forEach(v -> names.add(v.name()));
        try {
            VariableResolver.dependencyOrder(d.variables());
        } catch (DashboardException e) {
            out.add(new Problem(file, 0, "", e.getMessage()));
        }
        for (Variable v : d.variables()) {
            undefined(v.query(), names).forEach(n -> out.add(new Problem(file, 0, "",
                    "variable '" + v.name() + "' references undefined variable '$" + n + "'")));
        }
        Set<Integer> ids = new HashSet<>();
        for (DashboardPanel p : d.panels()) {
            if (p instanceof RowPanel row && row.repeat() != null && !names.contains(row.repeat().variable())) {
                out.add(new Problem(file, row.id(), row.title(), "row repeats by undefined variable '"
                        + row.repeat().variable() + "'"));
            }
        }
        for (DashboardPanel p : d.allPanels()) {
            if (!ids.add(p.id())) {
                out.add(new Problem(file, p.id(), p.title(), "duplicate panel id " + p.id()));
            }
            if (p instanceof UnsupportedPanel u) {
                out.add(new Problem(file, u.id(), u.title(), "unsupported: " + u.reason()));
            } else if (p instanceof Panel panel) {
                out.addAll(checkPanel(file, panel, names));
            }
        }
        return out;
    }

    private static List<Problem> checkPanel(Path file, Panel p, Set<String> names) {
        List<Problem> out = new ArrayList<>();
        if (!NO_QUERIES.contains(p.type()) && p.targets().stream().allMatch(Target::hidden)) {
            out.add(new Problem(file, p.id(), p.title(), "panel has no queries"));
        }
        for (Target t : p.targets()) {
            if (t.expr().isBlank() && !t.hidden()) {
                out.add(new Problem(file, p.id(), p.title(), "query " + t.refId() + " has an empty expression"));
            }
            undefined(t.expr(), names).forEach(n -> out.add(new Problem(file, p.id(), p.title(),
                    "query " + t.refId() + " references undefined variable '$" + n + "'")));
        }
        String unit = p.fieldConfig().defaults().unit();
        if (!ValueFormats.isKnown(unit)) {
            out.add(new Problem(file, p.id(), p.title(), "unknown unit '" + unit + "' (shown as a plain suffix)"));
        }
        if (p.repeat() != null && !names.contains(p.repeat().variable())) {
            out.add(new Problem(file, p.id(), p.title(), "repeats by undefined variable '" + p.repeat().variable()
                    + "'"));
        }
        return out;
    }

    private static List<String> undefined(String text, Set<String> names) {
        return TemplateInterpolator.referencedNames(text).stream().filter(n -> !names.contains(n)).toList();
    }
}
