package io.opsdeck.ui.notify;

import io.opsdeck.console.AlertSound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * How the bundled sounds were made (sine tones, 22.05 kHz, 8 bit, mono). Regenerate them with
 * {@code java -cp target/classes:target/test-classes io.opsdeck.ui.notify.SoundFiles src/main/resources/io/opsdeck/ui/sounds}
 * after a change here; SoundPlayerTest checks the bundled files are these.
 */
final class SoundFiles {

    private static final float RATE = 22_050f;

    private SoundFiles() {
    }

    public static void main(String[] args) throws IOException {
        for (AlertSound s : AlertSound.values()) {
            if (s != AlertSound.NONE) {
                Files.write(Path.of(args[0]).resolve(s.id() + ".wav"), wav(s));
            }
        }
    }

    /** The WAV file's bytes. */
    static byte[] wav(AlertSound sound) throws IOException {
        byte[] pcm = switch (sound) {
            case ALARM -> beeps(880, 3);
            case DOUBLE -> beeps(660, 2);
            case SINGLE -> beeps(440, 1);
            case CHIME -> {
                ByteArrayOutputStream c = new ByteArrayOutputStream();
                for (double hz : new double[] {523.25, 659.25, 783.99}) {
                    c.writeBytes(tone(hz, 220, true));
                }
                yield c.toByteArray();
            }
            case NONE -> throw new IllegalArgumentException("NONE has no file");
        };
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }

    private static byte[] beeps(double hz, int n) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            o.writeBytes(tone(hz, 150, false));
            o.writeBytes(new byte[(int) (RATE * 0.08)]);
        }
        return o.toByteArray();
    }

    /** A sine tone; {@code decay}: fades like a bell, else short ramps so it does not click. */
    private static byte[] tone(double hz, int millis, boolean decay) {
        byte[] out = new byte[(int) (RATE * millis / 1000)];
        for (int i = 0; i < out.length; i++) {
            double env = decay ? Math.exp(-3.0 * i / out.length) : Math.min(1, Math.min(i, out.length - i) / 200.0);
            out[i] = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90 * env);
        }
        return out;
    }
}
