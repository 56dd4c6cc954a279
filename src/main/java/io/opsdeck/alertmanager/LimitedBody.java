package io.opsdeck.alertmanager;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import okio.BufferedSource;

/** A streamed answer that refuses to be read past the client's maxResponseBytes, as buffered answers do. */
final class LimitedBody extends FilterInputStream {

    private final long limit;
    private final Supplier<AlertmanagerException> tooLarge;
    private long count;

    LimitedBody(InputStream in, long limit, Supplier<AlertmanagerException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    /** Whether the first non-blank byte is {@code <} (an HTML page); reads ahead without consuming. */
    static boolean startsWithMarkup(BufferedSource source) throws IOException {
        for (long i = 0; source.request(i + 1); i++) {
            byte b = source.getBuffer().getByte(i);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '<';
            }
        }
        return false;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw tooLarge.get();
        }
    }
}
