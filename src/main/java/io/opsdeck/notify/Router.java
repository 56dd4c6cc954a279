package io.opsdeck.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides who hears about an alert: routes (matchers, {@code continue}), each recipient's severity filter
 * and quiet hours. Unknown channel or recipient names fail at construction, naming the route.
 *
 * <pre>{@code
 * Router router = new Router(settings.routes(), settings.channels(), settings.recipients());
 * List<Router.Target> targets = router.route(alert, Instant.now());
 * }</pre>
 */
public final class Router {

    /** Recipient name used for a route's team channels. */
    public static final String TEAM = "team";

    /** One delivery to make: channel, recipient (and their address), earliest send time. */
    public record Target(String channel, String channelType, String recipient, String address, Instant notBefore,
            String route, String escalation, Duration repeatInterval) {
    }

    private record CompiledRoute(RouteSettings settings, List<LabelMatcher> matchers) {
    }

    private final List<CompiledRoute> routes;
    private final Map<String, ChannelSettings> channels;
    private final Map<String, RecipientSettings> recipients;

    public Router(List<RouteSettings> routes, List<ChannelSettings> channels, List<RecipientSettings> recipients) {
        this.channels = channels.stream().collect(Collectors.toMap(ChannelSettings::name, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("channel '" + a.name() + "' is defined twice");
        }, LinkedHashMap::new));
        this.recipients = recipients.stream().collect(Collectors.toMap(RecipientSettings::name, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("recipient '" + a.name() + "' is defined twice");
        }, LinkedHashMap::new));
        for (RecipientSettings r : recipients) {
            r.channels().forEach(c -> requireChannel(c, "recipient '" + r.name() + "'"));
            if (r.channels().stream().anyMatch(c -> "email".equals(this.channels.get(c).type())) && r.email() == null) {
                throw new IllegalArgumentException("recipient '" + r.name() + "' uses an email channel but has no 'email'");
            }
        }
        List<CompiledRoute> compiled = new ArrayList<>();
        for (RouteSettings r : routes) {
            String where = "route '" + r.name() + "'";
            r.channels().forEach(c -> requireChannel(c, where));
            r.recipients().forEach(c -> requireRecipient(c, where));
            List<LabelMatcher> matchers = new ArrayList<>();
            for (String m : r.matchers()) {
                try {
                    matchers.add(LabelMatcher.parse(m));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            compiled.add(new CompiledRoute(r, List.copyOf(matchers)));
        }
        this.routes = List.copyOf(compiled);
    }

    /** The targets of every matching route (first match, plus following ones while {@code continue} is set). */
    public List<Target> route(Alert alert, Instant now) {
        Map<String, Target> out = new LinkedHashMap<>();
        for (CompiledRoute route : routes) {
            if (route.matchers().stream().allMatch(m -> m.matches(alert.labels()))) {
                RouteSettings s = route.settings();
                targets(s.channels(), s.recipients(), alert, now, s.name(), s.escalation(), s.repeatInterval())
                        .forEach(t -> out.putIfAbsent(t.channel() + "\u0000" + t.recipient(), t));
                if (!s.continueMatching()) {
                    break;
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Targets for explicit channels and recipients (escalation tiers use this). */
    public List<Target> targets(List<String> channelNames, List<String> recipientNames, Alert alert, Instant now,
            String route, String escalation, Duration repeatInterval) {
        List<Target> out = new ArrayList<>();
        for (String c : channelNames) {
            out.add(new Target(c, channels.get(c).type(), TEAM, TEAM, now, route, escalation, repeatInterval));
        }
        for (String name : recipientNames) {
            RecipientSettings r = recipients.get(name);
            if (!alert.severity().atLeast(r.minimum()) && !alert.resolved()) {
                continue;
            }
            Instant notBefore = quietUntil(r, alert.severity(), now);
            for (String c : r.channels()) {
                String type = channels.get(c).type();
                String address = "email".equals(type) ? r.email() : r.name();
                out.add(new Target(c, type, r.name(), address, notBefore, route, escalation, repeatInterval));
            }
        }
        return out;
    }

    public void requireChannel(String name, String where) {
        if (!channels.containsKey(name)) {
            throw new IllegalArgumentException(where + " names unknown channel '" + name + "' (known: " + channels.keySet() + ")");
        }
    }

    public void requireRecipient(String name, String where) {
        if (!recipients.containsKey(name)) {
            throw new IllegalArgumentException(where + " names unknown recipient '" + name + "' (known: " + recipients.keySet() + ")");
        }
    }

    /** {@code now} outside quiet hours (or for a bypassing critical), else the instant quiet hours end. */
    static Instant quietUntil(RecipientSettings r, Severity severity, Instant now) {
        RecipientSettings.QuietHours q = r.quietHours();
        if (q == null || (severity == Severity.CRITICAL && q.criticalBypass())) {
            return now;
        }
        ZonedDateTime local = now.atZone(ZoneId.of(q.zone()));
        LocalTime start = LocalTime.parse(q.start());
        LocalTime end = LocalTime.parse(q.end());
        LocalTime t = local.toLocalTime();
        boolean quiet = start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return until.toInstant();
    }
}
