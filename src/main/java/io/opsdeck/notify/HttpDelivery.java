package io.opsdeck.notify;

import io.opsdeck.util.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Shared HTTP send for webhook-style channels: status classification and secret-free error text. */
final class HttpDelivery {

    private HttpDelivery() {
    }

    static void execute(Call call, String channel, Secret url) throws DeliveryException {
        Request request = call.request();
        try (Response response = call.execute()) {
            if (response.isSuccessful()) {
                return;
            }
            int code = response.code();
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            String snippet = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            boolean permanent = code >= 400 && code < 500 && code != 408 && code != 429;
            throw new DeliveryException(clean("channel " + channel + ": HTTP " + code + " from receiver: " + snippet.strip(), url),
                    permanent);
        } catch (InterruptedIOException e) {
            throw new DeliveryException("channel " + channel + ": receiver did not answer in time (" + e.getMessage() + ")", false);
        } catch (IOException e) {
            throw new DeliveryException(clean("channel " + channel + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (" + request.url().host() + ":" + request.url().port() + ")", url), false);
        }
    }

    static String clean(String message, Secret url) {
        return url == null || url.isEmpty() ? message : message.replace(url.reveal(), url.toString());
    }
}
