package io.opsdeck.notify;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pebble templates per channel: defaults from the classpath, overridden by files of the same name in a
 * user folder. Every template is compiled when this object is built, so a broken one fails at load time with
 * its name and line ({@link #validate} collects them all for {@code opsdeck check}). HTML autoescaping is on
 * for email HTML; Slack text escapes {@code & < >}; the {@link Redactor} runs over every result.
 *
 * <pre>{@code
 * Templates templates = Templates.load(Path.of("/etc/opsdeck/templates"), redactor);
 * Rendered email = templates.render("email", Message.of(alert));
 * }</pre>
 */
public final class Templates {

    /** Template names; the suffix decides the escaping (.html HTML, .slack Slack mrkdwn, .txt none). */
    static final Map<String, List<String>> BY_CHANNEL = Map.of(
            "email", List.of("email-subject.txt", "email.txt", "email.html"),
            "slack", List.of("slack-title.txt", "slack.slack"),
            "webhook", List.of("webhook-title.txt", "webhook.txt"),
            "pagerduty", List.of("pagerduty.txt", "pagerduty.txt"),
            "desktop", List.of("desktop-title.txt", "desktop.txt"));

    private static final Message SAMPLE = new Message("alert", List.of(new Alert("0000000000000000", "firing",
            Map.of("alertname", "Sample", "severity", "warning"), Map.of("summary", "sample"), java.time.Instant.EPOCH,
            null, null, null, "sample")), 1, "sample");

    private final Map<String, PebbleTemplate> compiled = new LinkedHashMap<>();
    private final Redactor redactor;

    private Templates(Path userDir, Redactor redactor, List<String> errors) {
        this.redactor = redactor;
        PebbleEngine text = engine(userDir, false, null);
        PebbleEngine html = engine(userDir, true, "html");
        PebbleEngine slack = engine(userDir, true, "slack");
        for (List<String> names : BY_CHANNEL.values()) {
            for (String name : names) {
                if (compiled.containsKey(name)) {
                    continue;
                }
                PebbleEngine engine = name.endsWith(".html") ? html : name.endsWith(".slack") ? slack : text;
                try {
                    PebbleTemplate template = engine.getTemplate(name);
                    // a sample render finds what compiling cannot (unknown filters, functions, tests)
                    template.evaluate(new StringWriter(), context(SAMPLE));
                    compiled.put(name, template);
                } catch (IOException e) {
                    errors.add("template " + name + ": " + e.getMessage());
                } catch (PebbleException e) {
                    errors.add(describe(name, userDir, e));
                } catch (RuntimeException e) {
                    errors.add("template " + name + ": " + e.getMessage());
                }
            }
        }
    }

    /** Loads and compiles every template; throws naming the first broken one (template and line). */
    public static Templates load(Path userDir, Redactor redactor) {
        List<String> errors = new ArrayList<>();
        Templates t = new Templates(userDir, redactor, errors);
        if (!errors.isEmpty()) {
            throw new TemplateException(String.join("; ", errors), null);
        }
        return t;
    }

    /** Every template problem in {@code userDir} (empty when all compile). */
    public static List<String> validate(Path userDir) {
        List<String> errors = new ArrayList<>();
        new Templates(userDir, new Redactor(List.of(), List.of()), errors);
        return List.copyOf(errors);
    }

    /** Renders {@code message} for a channel type; the result is escaped for the channel and redacted. */
    public Rendered render(String channelType, Message message) {
        List<String> names = BY_CHANNEL.get(channelType);
        if (names == null) {
            throw new IllegalArgumentException("no templates for channel type " + channelType);
        }
        Map<String, Object> context = context(message);
        String subject = redactor.redact(evaluate(names.get(0), context).strip());
        String body = redactor.redact(evaluate(names.get(1), context));
        String html = names.size() > 2 ? redactor.redact(evaluate(names.get(2), context)) : null;
        Map<String, String> links = new LinkedHashMap<>();
        Alert a = message.first();
        putLink(links, "runbook", a.annotations().get("runbook_url"));
        putLink(links, "dashboard", a.annotations().get("dashboard_url"));
        putLink(links, "silence", a.silenceUrl());
        putLink(links, "source", a.generatorUrl());
        links.replaceAll((k, v) -> redactor.redact(v));
        return new Rendered(subject, body, html, links);
    }

    private String evaluate(String name, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            compiled.get(name).evaluate(out, context);
        } catch (PebbleException e) {
            throw new TemplateException(describe(name, null, e), e);
        } catch (IOException e) {
            throw new TemplateException("template " + name + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void putLink(Map<String, String> links, String name, String url) {
        if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
            links.put(name, url);
        }
    }

    static Map<String, Object> context(Message message) {
        List<Map<String, Object>> alerts = message.alerts().stream().map(Templates::alertModel).toList();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", message.kind());
        context.put("alert", alerts.get(0));
        context.put("alerts", alerts);
        context.put("count", alerts.size());
        context.put("tier", message.tier());
        context.put("note", message.note() == null ? "" : message.note());
        context.put("severity", message.severity().lower());
        return context;
    }

    private static Map<String, Object> alertModel(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", a.fingerprint());
        m.put("status", a.status());
        m.put("alertname", a.alertname());
        m.put("severity", a.severity().lower());
        m.put("labels", new java.util.TreeMap<>(a.labels()));
        m.put("annotations", new java.util.TreeMap<>(a.annotations()));
        m.put("summary", a.annotations().getOrDefault("summary", a.alertname()));
        m.put("description", a.annotations().getOrDefault("description", ""));
        m.put("startsAt", a.startsAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(a.startsAt()));
        m.put("endsAt", a.endsAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(a.endsAt()));
        m.put("runbookUrl", safeUrl(a.annotations().get("runbook_url")));
        m.put("dashboardUrl", safeUrl(a.annotations().get("dashboard_url")));
        m.put("silenceUrl", safeUrl(a.silenceUrl()));
        m.put("generatorUrl", safeUrl(a.generatorUrl()));
        return m;
    }

    /** Only http(s) links reach templates: a label cannot smuggle a javascript: URL into an href. */
    private static String safeUrl(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : "";
    }

    private static String describe(String name, Path userDir, PebbleException e) {
        String where = userDir != null && Files.exists(userDir.resolve(name)) ? userDir.resolve(name).toString() : name;
        String line = e.getLineNumber() == null ? "" : " line " + e.getLineNumber();
        return "template " + where + line + ": " + e.getPebbleMessage();
    }

    private static PebbleEngine engine(Path userDir, boolean autoescape, String strategy) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (userDir != null && Files.isDirectory(userDir)) {
            FileLoader files = new FileLoader();
            files.setPrefix(userDir.toAbsolutePath().toString());
            loaders.add(files);
        }
        ClasspathLoader classpath = new ClasspathLoader(Templates.class.getClassLoader());
        classpath.setPrefix("io/opsdeck/notify/templates");
        loaders.add(classpath);
        PebbleEngine.Builder b = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .newLineTrimming(false)
                .strictVariables(false)
                .autoEscaping(autoescape)
                .addEscapingStrategy("slack", Templates::escapeSlack);
        if (strategy != null) {
            b.defaultEscapingStrategy(strategy);
        }
        return b.build();
    }

    /** Slack mrkdwn control characters, per Slack's formatting guide. */
    public static String escapeSlack(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
