// The stored answer rows of an export's sessions, gathered in one pass over the store and
// held compactly, then handed back visit by visit as effective answers.
//
// A year at a busy kiosk is about 1.5 million answer rows. Reading them visit by visit costs
// a seek per visit into a table far larger than the cache; reading the table once, in the
// order it was written, is about twice as fast, but the rows must then wait in memory until
// the export writes them in its shuffled order (export_rows.hpp, step 2). So each distinct
// text (question, phase, wording hash, value) is kept once, and a row is three small numbers:
// about 12 bytes, some 18 MB for that year.
//
// Rows of sessions not in the set are ignored, so the store can scan past them.
#pragma once

#include "export_rows.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dv {

class ExportAnswerSet {
public:
    explicit ExportAnswerSet(std::vector<std::string> session_ids);
    explicit ExportAnswerSet(const std::vector<ExportSession>& sessions);

    // One stored row. The rows of one question and phase must come in the order they were
    // stored (answer-id order), so that the latest is the last.
    void add(std::string_view session_id, std::int64_t answer_id, std::string_view question_id,
             std::string_view phase, std::string_view value, std::string_view content_hash, bool skipped);

    // A session's effective answers: the latest per question and phase, skips left out, in
    // question then phase order. `through` is the highest answer id read for it (0 if none),
    // skipped and superseded rows included. A session not in the set has none.
    void effective(const std::string& session_id, std::vector<ExportAnswer>& out, std::int64_t& through);

    // The effective answers to these questions, of every session in the set, session by
    // session (for the privacy steps that look at a whole export at once).
    std::vector<ExportAnswer> effective_to(const std::vector<std::string>& question_ids);

    const std::vector<std::string>& session_ids() const { return m_session_ids; }
    size_t sessions() const { return m_session_ids.size(); }
    size_t rows() const { return m_rows.size(); }
    // Room for this many rows at once: no copying as the set grows, and no peak at 1.5 times.
    void reserve_rows(size_t rows) { m_rows.reserve(rows); }
    size_t texts() const { return m_texts.size(); }  // distinct texts kept

    ExportAnswerSet(const ExportAnswerSet&) = delete;  // its maps point into its own strings
    ExportAnswerSet& operator=(const ExportAnswerSet&) = delete;

private:
    // Each distinct text once, numbered from 0 in the order first seen. An open-addressing
    // table: a lookup is a hash and, nearly always, one comparison.
    class Texts {
    public:
        std::uint32_t id(std::string_view text);
        const std::string& text(std::uint32_t id) const { return m_texts[id]; }
        size_t size() const { return m_texts.size(); }

    private:
        void grow();
        std::deque<std::string> m_texts;
        std::vector<std::uint64_t> m_hashes;  // per id
        std::vector<std::uint32_t> m_slots;   // id + 1, or 0 where empty; a power of two long
    };
    static constexpr std::uint32_t kNoKey = 0xffffffffu;
    struct Key {  // what one row answers
        std::uint32_t question, phase, content_hash;
        std::uint32_t next = kNoKey;  // the key that followed this one last time
    };
    struct Row {
        std::uint32_t key;
        std::uint32_t value;
        std::uint32_t skipped_and_next;  // bit 31: skipped; the rest: next row of the session + 1, or 0
    };
    static constexpr std::uint32_t kSkipped = 0x80000000u;

    std::uint32_t key_of(std::string_view question_id, std::string_view phase, std::string_view content_hash);
    // The order answers of one session come out in: by question, then phase.
    void rank_keys();
    // A session's rows (those of wanted keys, if given) into m_gather, in rank order and,
    // within a rank, in the order stored.
    void gather(std::uint32_t session, const std::vector<bool>* wanted_keys);
    // The effective answers among m_gather into out[kept...]; returns the new count.
    size_t emit(const std::string& session_id, std::vector<ExportAnswer>& out, size_t kept) const;

    std::unordered_map<std::string_view, std::uint32_t> m_session_index;  // views into m_session_ids
    std::vector<std::string> m_session_ids;
    std::vector<std::uint32_t> m_first, m_last;  // each session's first and last row + 1, or 0
    std::vector<std::int64_t> m_through;
    std::vector<Row> m_rows;
    Texts m_texts;
    std::vector<Key> m_keys;
    Texts m_key_ids;  // question, phase and hash joined: a key's number
    std::string m_key_buffer;
    std::uint32_t m_last_key = kNoKey;  // the previous row's: visits mostly follow one path
    std::vector<std::uint32_t> m_rank;  // per key, once ranked
    std::string m_last_session;         // the previous row's session, to skip a lookup
    std::uint32_t m_last_index = 0;
    bool m_last_known = false;
    // Scratch for effective(): reused from visit to visit.
    std::vector<std::uint32_t> m_gather;
};

}  // namespace dv
