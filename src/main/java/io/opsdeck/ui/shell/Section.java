package io.opsdeck.ui.shell;

import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The navigation sections, in order; Ctrl+1..Ctrl+6 select them. */
public enum Section {
    DASHBOARDS(Material2AL.DASHBOARD, true),
    ALERTS(Material2MZ.NOTIFICATION_IMPORTANT, true),
    SILENCES(Material2MZ.VOLUME_OFF, true),
    REMEDIATION(Material2AL.BUILD, true),
    NOTIFICATIONS(Material2MZ.NOTIFICATIONS, true),
    SETTINGS(Material2MZ.SETTINGS, true);

    private final Ikon icon;
    private final boolean built;

    Section(Ikon icon, boolean built) {
        this.icon = icon;
        this.built = built;
    }

    public Ikon icon() {
        return icon;
    }

    /** Whether the section has a real view yet; the others say plainly that they are not built. Alerts and Silences
     * need an Alertmanager: without one they say that instead. */
    public boolean built() {
        return built;
    }

    /** Key of its navigation label, e.g. {@code nav.alerts}. */
    public String labelKey() {
        return "nav." + name().toLowerCase(Locale.ROOT);
    }

    /** Key of its "not built yet" text, e.g. {@code placeholder.alerts}. */
    public String placeholderKey() {
        return "placeholder." + name().toLowerCase(Locale.ROOT);
    }
}
