package io.opsdeck.util;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * OpsDeck's logging set-up, in code: every log line goes to stderr (command output on stdout stays
 * machine-readable) as {@code HH:mm:ss.SSS LEVEL [thread] logger - message}; the root level is
 * {@code OPSDECK_LOG_LEVEL} (system property or environment variable, default INFO); OkHttp logs from WARN.
 *
 * <p>Logback finds it through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator} on the first
 * {@code LoggerFactory.getLogger}. It replaces a {@code logback.xml}, whose XML parsing (Joran, Xerces) cost about
 * 0.25 s of every console start (docs/performance.md, "Console start-up"). A file named with
 * {@code -Dlogback.configurationFile=...} still wins: then this steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The pattern of every line. */
    public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    /** Public for {@link java.util.ServiceLoader}. */
    public LogSetup() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("okhttp3").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code OPSDECK_LOG_LEVEL} from the system properties, else the environment; INFO when unset or unknown. */
    static Level rootLevel() {
        String name = System.getProperty("OPSDECK_LOG_LEVEL", System.getenv("OPSDECK_LOG_LEVEL"));
        return name == null || name.isBlank() ? Level.INFO : Level.toLevel(name.trim(), Level.INFO);
    }
}
