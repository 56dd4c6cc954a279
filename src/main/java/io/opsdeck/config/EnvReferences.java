package io.opsdeck.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code ${VAR}} in configuration text; {@code $${} stays a literal {@code ${}. */
final class EnvReferences {

    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvReferences() {
    }

    /** The expanded text, or empty after reporting each bad or unset reference to {@code problems}. */
    static Optional<String> expand(String raw, Map<String, String> env, Consumer<String> problems) {
        if (!raw.contains("${")) {
            return Optional.of(raw);
        }
        Matcher m = REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String replacement;
            if (m.group(0).equals("$${")) {
                replacement = "${";
            } else if (!NAME.matcher(m.group(1)).matches()) {
                problems.accept("\"${" + m.group(1) + "}\" is not a valid environment variable reference");
                ok = false;
                replacement = "";
            } else if (!env.containsKey(m.group(1))) {
                problems.accept("environment variable " + m.group(1) + " is not set");
                ok = false;
                replacement = "";
            } else {
                replacement = env.get(m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }
}
