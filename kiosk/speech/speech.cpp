// espeak-ng rendering and playback.
#include "speech.hpp"

#include "core/text.hpp"

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace dv {

namespace {

bool g_render_ready = false;
SpeechAudio* g_target = nullptr;  // where the render callback appends samples

int collect(short* wav, int count, espeak_EVENT*) {
    if (wav && count > 0 && g_target) g_target->samples.insert(g_target->samples.end(), wav, wav + count);
    return 0;
}

// Voices are chosen by language ("en-gb", "pl"), the way a pack names them.
bool select_voice(const std::string& language) {
    espeak_VOICE wanted{};
    wanted.languages = language.c_str();
    if (espeak_SetVoiceByProperties(&wanted) != EE_OK) return false;
    // espeak-ng falls back to a default voice for an unknown language: check what it picked.
    const espeak_VOICE* chosen = espeak_GetCurrentVoice();
    if (!chosen || !chosen->languages) return false;
    const std::string got(chosen->languages + 1);  // a priority byte, then the language name
    return got.compare(0, language.size(), language) == 0 || language.compare(0, got.size(), got) == 0;
}

bool start_render() {
    if (g_render_ready) return true;
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, nullptr, 0);
    if (rate <= 0) return false;
    espeak_SetSynthCallback(collect);
    g_render_ready = true;
    return true;
}

}  // namespace

std::string speakable(const std::string& text) {
    std::string out;
    bool space = false;
    for (char32_t c : decode_utf8(text)) {
        if (c >= 0xE000 && c <= 0xF8FF) continue;  // pictograms (private use area)
        if (c == '\n' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        append_utf8(out, c);
    }
    return out;
}

bool speech_voice_available(const std::string& voice) {
    return start_render() && select_voice(voice);
}

SpeechAudio render_speech(const std::string& text, const std::string& voice, int words_per_minute) {
    SpeechAudio audio;
    if (!start_render() || !select_voice(voice)) return audio;
    espeak_SetParameter(espeakRATE, words_per_minute, 0);
    const std::string words = speakable(text);
    g_target = &audio;
    espeak_Synth(words.c_str(), words.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    espeak_Synchronize();
    g_target = nullptr;
    return audio;
}

bool write_wav(const std::string& path, const SpeechAudio& audio) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const std::uint32_t data_bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    auto u32 = [f](std::uint32_t v) {
        const unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                    static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
        std::fwrite(b, 1, 4, f);
    };
    auto u16 = [f](std::uint16_t v) {
        const unsigned char b[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
        std::fwrite(b, 1, 2, f);
    };
    std::fwrite("RIFF", 1, 4, f);
    u32(36 + data_bytes);
    std::fwrite("WAVEfmt ", 1, 8, f);
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(static_cast<std::uint32_t>(audio.sample_rate));
    u32(static_cast<std::uint32_t>(audio.sample_rate) * 2);
    u16(2);
    u16(16);
    std::fwrite("data", 1, 4, f);
    u32(data_bytes);
    for (short s : audio.samples) u16(static_cast<std::uint16_t>(s));
    const bool ok = std::ferror(f) == 0;
    return std::fclose(f) == 0 && ok;
}

Speaker::~Speaker() {
    if (m_state == 1) {
        espeak_Cancel();
        espeak_Terminate();
    }
}

namespace {

void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

}  // namespace

bool sound_device_present() {
    snd_lib_error_set_handler(quiet_alsa);  // a kiosk with no speaker should not fill the log
    snd_pcm_t* pcm = nullptr;
    if (snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK) < 0) return false;
    snd_pcm_close(pcm);
    return true;
}

bool Speaker::start() {
    if (m_state != 0) return m_state == 1;
    if (!sound_device_present()) {
        std::fprintf(stderr, "datavoice-kiosk: no sound device; read-aloud stays silent\n");
        m_state = -1;
    } else {
        m_state = espeak_Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, 0) > 0 ? 1 : -1;
    }
    return m_state == 1;
}

bool Speaker::say(const std::string& text, const std::string& voice) {
    if (!start()) return false;
    espeak_Cancel();
    if (voice != m_voice) {
        if (!select_voice(voice)) return false;
        m_voice = voice;
    }
    espeak_SetParameter(espeakRATE, kCalmWordsPerMinute, 0);
    const std::string words = speakable(text);
    return espeak_Synth(words.c_str(), words.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr) ==
           EE_OK;
}

void Speaker::stop() {
    if (m_state == 1) espeak_Cancel();
}

}  // namespace dv
