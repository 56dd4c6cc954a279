package io.opsdeck.bench;

import java.util.ArrayList;
import java.util.List;

/** The filter box texts of a realistic typing session: typing, completing, deleting, retyping. */
final class Keystrokes {

    private Keystrokes() {
    }

    static List<String> sequence() {
        List<String> texts = new ArrayList<>();
        type(texts, "", "severity=critical team=payments @age>1h instance=~\"db-1.*\" disk");
        erase(texts, "severity=critical team=payments @age>1h instance=~\"db-1.*\" disk", "severity=critical");
        type(texts, "severity=critical", " hostdown");
        erase(texts, "severity=critical hostdown", "");
        type(texts, "", "@state=firing|acked role!=ml instance!~\"web-.*\"");
        return texts;
    }

    private static void type(List<String> texts, String start, String typed) {
        for (int i = 1; i <= typed.length(); i++) {
            texts.add(start + typed.substring(0, i));
        }
    }

    private static void erase(List<String> texts, String from, String to) {
        for (int len = from.length() - 1; len >= to.length(); len--) {
            texts.add(from.substring(0, len));
        }
    }
}
