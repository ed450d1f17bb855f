// Offline read-aloud with espeak-ng: played through the default ALSA/PulseAudio device by the
// kiosk, or rendered to samples for tests and `datavoice lint`.
//
// [X] One voice per language (the pack names it); a calm rate.
// [X] No audio device: speaking silently does nothing; the kiosk keeps working.
// [ ] One process either plays (Speaker) or renders (render_speech), not both: espeak-ng keeps
//     one global output mode.
#pragma once

#include <string>
#include <vector>

namespace dv {

constexpr int kCalmWordsPerMinute = 145;

struct SpeechAudio {
    int sample_rate = 22050;
    std::vector<short> samples;
    double seconds() const { return sample_rate ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

// Renders text to 16-bit mono samples (nothing is played). Empty when the voice is unknown.
SpeechAudio render_speech(const std::string& text, const std::string& voice, int words_per_minute = kCalmWordsPerMinute);
// True when espeak-ng has this voice (render mode).
bool speech_voice_available(const std::string& voice);
// A RIFF/WAVE file of the samples. False on a write error.
bool write_wav(const std::string& path, const SpeechAudio& audio);

// Text as it should be spoken: pictogram glyphs removed, whitespace tidied.
std::string speakable(const std::string& text);

// Whether there is a sound device to play through: ALSA's default device opens (PulseAudio
// answers as ALSA's default too). The kiosk asks once at start-up and offers read-aloud only
// when this is true; tests choose the answer with an ALSA_CONFIG_PATH of their own.
bool sound_device_present();

// Plays speech for the kiosk, starting espeak-ng on first use (not at start-up).
class Speaker {
public:
    ~Speaker();
    // Stops anything being said and starts saying `text`. False if no speech is possible.
    bool say(const std::string& text, const std::string& voice);
    void stop();

private:
    bool start();
    int m_state = 0;  // 0 not started, 1 ready, -1 unavailable
    std::string m_voice;
};

}  // namespace dv
