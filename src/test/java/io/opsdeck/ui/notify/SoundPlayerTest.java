package io.opsdeck.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opsdeck.console.AlertSound;
import java.io.BufferedInputStream;
import java.io.InputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class SoundPlayerTest {

    @Test
    void everySoundOfferedIsABundledWavFileJavaSoundCanRead() throws Exception {
        for (AlertSound sound : AlertSound.values()) {
            if (sound == AlertSound.NONE) {
                continue;
            }
            try (InputStream raw = SoundPlayer.class.getResourceAsStream(SoundPlayer.resource(sound))) {
                assertThat(raw).as(SoundPlayer.resource(sound)).isNotNull();
                try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
                    double seconds = in.getFrameLength() / in.getFormat().getFrameRate();
                    assertThat(seconds).as(sound + " lasts a moment, not a jingle").isBetween(0.1, 2.0);
                }
            }
        }
    }

    @Test
    void theBundledFilesAreWhatSoundFilesMakes() throws Exception {
        for (AlertSound sound : AlertSound.values()) {
            if (sound != AlertSound.NONE) {
                try (InputStream raw = SoundPlayer.class.getResourceAsStream(SoundPlayer.resource(sound))) {
                    assertThat(raw.readAllBytes()).as(sound.id()).isEqualTo(SoundFiles.wav(sound));
                }
            }
        }
    }

    @Test
    void playingNeverThrowsWithOrWithoutAnAudioDevice() {
        // build machines have no sound card: play() logs once and returns
        SoundPlayer player = new SoundPlayer();
        assertThatCode(() -> {
            player.play(AlertSound.SINGLE);
            player.play(AlertSound.NONE);
        }).doesNotThrowAnyException();
    }
}
