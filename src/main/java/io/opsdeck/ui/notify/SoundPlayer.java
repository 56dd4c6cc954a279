package io.opsdeck.ui.notify;

import io.opsdeck.console.Severity;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A distinct synthesised sound per severity (critical: three high beeps, warning: two, info: one low).
 * Blocking: play it through the TaskRunner. A machine without audio logs that once and stays quiet.
 */
public final class SoundPlayer {

    private static final Logger LOG = LoggerFactory.getLogger(SoundPlayer.class);
    private static final float RATE = 22_050f;
    private volatile boolean warned;

    public void play(Severity severity) {
        int beeps = switch (severity) {
            case CRITICAL -> 3;
            case WARNING -> 2;
            case INFO -> 1;
        };
        double hz = switch (severity) {
            case CRITICAL -> 880;
            case WARNING -> 660;
            case INFO -> 440;
        };
        byte[] tone = tone(hz, 150);
        byte[] gap = new byte[(int) (RATE * 0.08)];
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            for (int i = 0; i < beeps; i++) {
                line.write(tone, 0, tone.length);
                line.write(gap, 0, gap.length);
            }
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (!warned) {
                warned = true;
                LOG.info("No audio output on this machine; alert sounds are off ({})", e.getMessage());
            }
        }
    }

    private static byte[] tone(double hz, int millis) {
        byte[] out = new byte[(int) (RATE * millis / 1000)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90);
        }
        return out;
    }
}
