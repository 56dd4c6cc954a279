package io.opsdeck.util;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @Test
    void slf4jIsConfiguredByLogSetupThroughTheServiceFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
        assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("okhttp3.internal.http2").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void everyLineGoesToStderrWithTimeLevelThreadAndShortLoggerName() {
        LoggerContext context = new LoggerContext();
        assertThat(configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(root.getLevel()).isEqualTo(Level.INFO);

        ch.qos.logback.classic.Logger logger = context.getLogger("io.opsdeck.console.live.LiveConsole");
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "source {} refused", null, new Object[] {"prom"});
        event.setThreadName("main");
        String line = new String(((PatternLayoutEncoder) stderr.getEncoder()).encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[main\\] i\\.o\\.c\\.live\\.LiveConsole - source prom refused\\R");
    }

    @Test
    void aNamedConfigurationFileStillWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/nonexistent/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertThat(configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void rootLevelComesFromOpsdeckLogLevelAndUnknownNamesFallBackToInfo() {
        String before = System.getProperty("OPSDECK_LOG_LEVEL");
        try {
            System.setProperty("OPSDECK_LOG_LEVEL", "debug");
            assertThat(LogSetup.rootLevel()).isEqualTo(Level.DEBUG);
            System.setProperty("OPSDECK_LOG_LEVEL", "chatty");
            assertThat(LogSetup.rootLevel()).isEqualTo(Level.INFO);
        } finally {
            if (before == null) {
                System.clearProperty("OPSDECK_LOG_LEVEL");
            } else {
                System.setProperty("OPSDECK_LOG_LEVEL", before);
            }
        }
    }

    private static Configurator.ExecutionStatus configure(LoggerContext context) {
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        return setup.configure(context);
    }
}
