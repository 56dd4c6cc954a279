package io.opsdeck.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/** Caps how many body bytes a response may deliver, so a runaway query cannot exhaust memory. */
final class ResponseSizeLimit implements Interceptor {

    private final long limit;

    ResponseSizeLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long declared = body.contentLength();
        if (declared > limit) {
            response.close();
            throw new ResponseTooLargeException(limit);
        }
        BufferedSource limited = Okio.buffer(new ForwardingSource(body.source()) {
            private long seen;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    seen += n;
                    if (seen > limit) {
                        throw new ResponseTooLargeException(limit);
                    }
                }
                return n;
            }
        });
        return response.newBuilder()
                .body(ResponseBody.create(limited, body.contentType(), declared))
                .build();
    }
}
