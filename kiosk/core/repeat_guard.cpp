// This file implements the repeat-press guard and the watch that feeds it visits.
#include "repeat_guard.hpp"

#include <sodium.h>

#include <stdexcept>

namespace dv {

RepeatGuard::RepeatGuard(double window_seconds) : m_window(window_seconds) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    crypto_generichash_keygen(m_key);
}

RepeatGuard::~RepeatGuard() {
    sodium_memzero(m_key, sizeof m_key);
    sodium_memzero(m_previous_digest.data(), m_previous_digest.size());
}

AnswersDigest RepeatGuard::digest(const VisitAnswers& answers) const {
    crypto_generichash_state state;
    crypto_generichash_init(&state, m_key, sizeof m_key, AnswersDigest{}.size());
    // Every field is length-prefixed, so ("ab","c") and ("a","bc") never hash alike.
    auto field = [&state](const std::string& s) {
        const std::string length = std::to_string(s.size()) + ":";
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(s.data()), s.size());
    };
    for (const auto& [key, values] : answers) {
        field(key.text());
        field(std::to_string(values.size()));
        for (const auto& v : values) field(v);
    }
    AnswersDigest out;
    crypto_generichash_final(&state, out.data(), out.size());
    sodium_memzero(&state, sizeof state);
    return out;
}

bool RepeatGuard::visit_ended(double started_monotonic, const AnswersDigest& digest) {
    const bool repeat = m_window > 0 && m_have_previous && started_monotonic >= m_previous_start &&
                        started_monotonic - m_previous_start <= m_window &&
                        sodium_memcmp(digest.data(), m_previous_digest.data(), digest.size()) == 0;
    m_have_previous = true;
    m_previous_start = started_monotonic;
    m_previous_digest = digest;
    return repeat;
}

std::optional<std::string> VisitWatch::observe(const std::string& session_id, const VisitAnswers& answers,
                                               double now_monotonic) {
    std::optional<std::string> repeated;
    if (session_id != m_session_id) {
        // A visit without answers left nothing in the store: nothing to compare or flag.
        if (!m_session_id.empty() && m_answered && m_guard.visit_ended(m_started, m_digest)) repeated = m_session_id;
        m_session_id = session_id;
        m_started = now_monotonic;
        m_answered = false;
        sodium_memzero(m_digest.data(), m_digest.size());
    }
    if (!m_session_id.empty()) {
        m_answered = !answers.empty();
        if (m_answered) m_digest = m_guard.digest(answers);
    }
    return repeated;
}

}  // namespace dv
