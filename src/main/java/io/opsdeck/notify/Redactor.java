package io.opsdeck.notify;

import io.opsdeck.util.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes secrets, token-like strings and configured personal-data patterns from rendered notifications.
 * Labels and annotations come from anyone who can write an alert rule, so nothing from them is trusted.
 */
public final class Redactor {

    public static final String MARK = "[redacted]";

    /** Token shapes worth catching even when nobody configured them. */
    private static final List<Pattern> BUILT_IN = List.of(
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("(?i)\\bbasic\\s+[A-Za-z0-9+/=]{8,}"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{8,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?i)\\b(password|passwd|secret|token|api[_-]?key|access[_-]?key)\\s*[=:]\\s*[^\\s<>&\"']+"));

    private final List<Pattern> patterns;
    private final List<String> secrets;

    /**
     * @param personalData extra regexes (for example an email address pattern) removed like secrets
     * @param secrets      exact secret values from the settings (passwords, webhook URLs, keys)
     */
    public Redactor(List<String> personalData, Collection<Secret> secrets) {
        List<Pattern> all = new ArrayList<>(BUILT_IN);
        for (String p : personalData == null ? List.<String>of() : personalData) {
            try {
                all.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("redact pattern '" + p + "' is not a valid regex: " + e.getDescription());
            }
        }
        this.patterns = List.copyOf(all);
        this.secrets = secrets.stream().map(Secret::reveal).filter(s -> s.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MARK);
        }
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(MARK);
        }
        return out;
    }
}
