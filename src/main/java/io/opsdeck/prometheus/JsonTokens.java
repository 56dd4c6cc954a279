package io.opsdeck.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/** Small streaming-parser steps shared by the decoder: skip, collect strings, insist on a token. */
final class JsonTokens {

    private JsonTokens() {
    }

    static int skipCountingElements(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            p.skipChildren();
            return 1;
        }
        int count = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            count++;
        }
        return count;
    }

    static void stringArray(JsonParser p, JsonToken start, List<String> into) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                into.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new MalformedResponseException(what + " is " + describe(actual) + " at line "
                    + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr()
                    + ", expected " + describe(expected));
        }
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_ARRAY, END_OBJECT -> "the end of a container";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.toString();
        };
    }
}
