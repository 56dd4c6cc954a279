package io.opsdeck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "version", description = "Print OpsDeck's version and the Java runtime it runs on.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("opsdeck %s (Java %s, %s)%n",
                version(), Runtime.version(), System.getProperty("java.vm.vendor"));
        return 0;
    }

    /** Feeds {@code opsdeck --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"opsdeck " + version()};
        }
    }
}
