package io.opsdeck.remediation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Keeps the first {@code limit} bytes of an action's output (then "[truncated]"); readable while it grows. */
final class BoundedOutput {

    static final String TRUNCATED = "\n[truncated]";

    private final int limit;
    private byte[] buf = new byte[1024];
    private int size;
    private boolean truncated;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    synchronized void write(byte[] b, int off, int len) {
        int room = limit - size;
        if (len > room) {
            truncated = true;
            len = Math.max(0, room);
        }
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(limit, Math.max(buf.length * 2, size + len)));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    synchronized void append(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
    }

    synchronized boolean truncated() {
        return truncated;
    }

    @Override
    public synchronized String toString() {
        String s = new String(buf, 0, size, StandardCharsets.UTF_8);
        return truncated ? s + TRUNCATED : s;
    }
}
