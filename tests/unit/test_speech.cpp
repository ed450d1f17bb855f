// Read-aloud: every screen of the default pack, in every language that names a voice, is
// rendered to WAV through espeak-ng (to a buffer, not a speaker), and each is non-empty and
// about as long as its words take to say at a calm pace.
#include "core/text.hpp"
#include "speech/speech.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

struct Screenful {
    std::string id, text;
};

// What read-aloud says on each content screen: the words a visitor sees.
std::vector<Screenful> screens_of(const LanguageContent& l) {
    std::vector<Screenful> out;
    for (const auto& e : l.explainers) out.push_back({"explainer-" + e.id, e.title + ". " + e.text});
    for (const auto& q : l.questions) {
        std::string t = q.text;
        for (const auto& o : q.options) t += ". " + o.label;
        out.push_back({"question-" + q.id, t});
    }
    for (const auto& s : l.scenarios) {
        out.push_back({"scenario-" + s.id, s.title + ". " + s.text});
        for (const auto& c : s.cards) out.push_back({"card-" + s.id + "-" + c.id, c.text});
    }
    return out;
}

}  // namespace

TEST_CASE("Read aloud/every screen of the default pack renders to speech of plausible length", "[a11y][speech]") {
    const Pack& pack = test::default_pack();
    const std::string dir = std::filesystem::current_path().string() + "/test-artefacts/speech";
    int rendered = 0;
    for (const auto& lang : pack.languages) {
        if (lang.info.voice.empty()) continue;
        INFO("language " << lang.info.code << ", voice " << lang.info.voice);
        REQUIRE(speech_voice_available(lang.info.voice));
        std::filesystem::create_directories(dir + "/" + lang.info.code);
        for (const auto& s : screens_of(lang)) {
            INFO(s.id);
            const SpeechAudio audio = render_speech(s.text, lang.info.voice);
            const int words = count_words(s.text);
            const double expected = words * 60.0 / kCalmWordsPerMinute;
            CHECK(audio.seconds() > 0.4 * expected);
            CHECK(audio.seconds() < 3.0 * expected + 1.0);
            CHECK(write_wav(dir + "/" + lang.info.code + "/" + s.id + ".wav", audio));
            ++rendered;
        }
    }
    CHECK(rendered >= 20);
}

TEST_CASE("Read aloud/an unknown voice renders nothing rather than failing", "[a11y][speech]") {
    CHECK_FALSE(speech_voice_available("xx-no-such-voice"));
    CHECK(render_speech("Hello", "xx-no-such-voice").samples.empty());
}

TEST_CASE("Read aloud/pictograms are not spoken", "[a11y][speech]") {
    CHECK(speakable("\xef\x80\xa8  Read   aloud\n") == "Read aloud");
}

TEST_CASE("Read aloud/a sound device is found only where ALSA has a default device", "[a11y][speech]") {
    // What the kiosk asks once at start-up to decide whether read-aloud is offered at all.
    test::TempDir dir;
    const char* before = std::getenv("ALSA_CONFIG_PATH");
    const std::string saved = before ? before : "";
    std::ofstream(dir.file("null.conf")) << "pcm.!default { type null }\n";
    std::ofstream(dir.file("none.conf")) << "# no sound device\n";
    setenv("ALSA_CONFIG_PATH", dir.file("none.conf").c_str(), 1);
    CHECK_FALSE(sound_device_present());
    setenv("ALSA_CONFIG_PATH", dir.file("null.conf").c_str(), 1);
    CHECK(sound_device_present());
    if (before)
        setenv("ALSA_CONFIG_PATH", saved.c_str(), 1);
    else
        unsetenv("ALSA_CONFIG_PATH");
}
