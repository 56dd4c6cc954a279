package io.opsdeck.console;

/** Tries a source once, as the Settings view's "Test connection" button does. Blocking: call off the UI thread. */
@FunctionalInterface
public interface ConnectionTester {

    /** Never throws for network trouble: a failure is a result naming the problem. */
    ConnectionTestResult test(SourceSettings source) throws InterruptedException;
}
