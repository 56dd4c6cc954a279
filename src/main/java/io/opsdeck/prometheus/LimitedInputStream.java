package io.opsdeck.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and refuses to read past a limit, so a huge answer cannot exhaust the heap. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown when the body grows past the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int read = super.read(buffer, off, len);
        if (read > 0) {
            advance(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    private void advance(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
