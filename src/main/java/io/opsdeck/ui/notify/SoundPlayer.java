package io.opsdeck.ui.notify;

import io.opsdeck.console.AlertSound;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the bundled WAV file of an {@link AlertSound} ({@code io/opsdeck/ui/sounds/<id>.wav}). Blocking: play it
 * through the TaskRunner. A machine without audio logs that once and stays quiet.
 */
public final class SoundPlayer implements SoundOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SoundPlayer.class);
    private volatile boolean warned;

    /** The bundled file's resource path, e.g. {@code /io/opsdeck/ui/sounds/alarm.wav}. */
    public static String resource(AlertSound sound) {
        return "/io/opsdeck/ui/sounds/" + sound.id() + ".wav";
    }

    @Override
    public void play(AlertSound sound) {
        if (sound == AlertSound.NONE) {
            return;
        }
        InputStream raw = SoundPlayer.class.getResourceAsStream(resource(sound));
        if (raw == null) {
            throw new IllegalStateException("The console jar lacks its sound " + resource(sound));
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
             SourceDataLine line = AudioSystem.getSourceDataLine(in.getFormat())) {
            line.open(in.getFormat());
            line.start();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                line.write(buf, 0, n);
            }
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (!warned) {
                warned = true;
                LOG.info("No audio output on this machine; alert sounds are off ({})", e.getMessage());
            }
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new IllegalStateException("Cannot read the bundled sound " + resource(sound) + ": " + e.getMessage(), e);
        }
    }
}
