// This file implements the compact answer rows of an export (see export_answers.hpp).
#include "export_answers.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace dv {

std::uint32_t ExportAnswerSet::Texts::id(std::string_view text) {
    if (m_slots.empty()) m_slots.assign(64, 0);
    const std::uint64_t hash = std::hash<std::string_view>()(text);
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    for (; m_slots[i] != 0; i = (i + 1) & mask) {
        const std::uint32_t id = m_slots[i] - 1;
        if (m_hashes[id] == hash && m_texts[id] == text) return id;
    }
    const auto id = static_cast<std::uint32_t>(m_texts.size());
    m_texts.emplace_back(text);
    m_hashes.push_back(hash);
    m_slots[i] = id + 1;
    if (m_texts.size() * 2 > m_slots.size()) grow();
    return id;
}

void ExportAnswerSet::Texts::grow() {
    m_slots.assign(m_slots.size() * 2, 0);
    const size_t mask = m_slots.size() - 1;
    for (std::uint32_t id = 0; id < m_hashes.size(); ++id) {
        size_t i = m_hashes[id] & mask;
        while (m_slots[i] != 0) i = (i + 1) & mask;
        m_slots[i] = id + 1;
    }
}

namespace {
std::vector<std::string> ids_of(const std::vector<ExportSession>& sessions) {
    std::vector<std::string> ids;
    ids.reserve(sessions.size());
    for (const auto& s : sessions) ids.push_back(s.session_id);
    return ids;
}
}  // namespace

ExportAnswerSet::ExportAnswerSet(const std::vector<ExportSession>& sessions) : ExportAnswerSet(ids_of(sessions)) {}

ExportAnswerSet::ExportAnswerSet(std::vector<std::string> session_ids) : m_session_ids(std::move(session_ids)) {
    m_session_index.reserve(m_session_ids.size());
    for (size_t i = 0; i < m_session_ids.size(); ++i)
        m_session_index.emplace(m_session_ids[i], static_cast<std::uint32_t>(i));
    m_first.assign(m_session_ids.size(), 0);
    m_last.assign(m_session_ids.size(), 0);
    m_through.assign(m_session_ids.size(), 0);
}

std::uint32_t ExportAnswerSet::key_of(std::string_view question_id, std::string_view phase,
                                      std::string_view content_hash) {
    // Most rows answer what followed the previous row's question last time.
    const std::uint32_t guess = m_last_key == kNoKey ? kNoKey : m_keys[m_last_key].next;
    if (guess != kNoKey && m_texts.text(m_keys[guess].question) == question_id &&
        m_texts.text(m_keys[guess].phase) == phase && m_texts.text(m_keys[guess].content_hash) == content_hash)
        return m_last_key = guess;
    // '\n' cannot occur in an id, a phase or a hash, so the joined text is unambiguous.
    m_key_buffer.assign(question_id).append(1, '\n').append(phase).append(1, '\n').append(content_hash);
    const std::uint32_t id = m_key_ids.id(m_key_buffer);
    if (id == m_keys.size()) {
        m_keys.push_back({m_texts.id(question_id), m_texts.id(phase), m_texts.id(content_hash)});
        m_rank.clear();  // a new key: rank again before the next effective()
    }
    if (m_last_key != kNoKey) m_keys[m_last_key].next = id;
    return m_last_key = id;
}

void ExportAnswerSet::add(std::string_view session_id, std::int64_t answer_id, std::string_view question_id,
                          std::string_view phase, std::string_view value, std::string_view content_hash,
                          bool skipped) {
    // A visit's rows are stored together, so most rows belong to the previous row's session.
    if (session_id != m_last_session) {
        m_last_session.assign(session_id);
        const auto it = m_session_index.find(session_id);
        m_last_known = it != m_session_index.end();
        if (m_last_known) m_last_index = it->second;
    }
    if (!m_last_known) return;
    const std::uint32_t s = m_last_index;
    const auto row = static_cast<std::uint32_t>(m_rows.size());
    m_rows.push_back({key_of(question_id, phase, content_hash), m_texts.id(value), skipped ? kSkipped : 0});
    if (m_last[s] != 0) m_rows[m_last[s] - 1].skipped_and_next |= row + 1;
    if (m_first[s] == 0) m_first[s] = row + 1;
    m_last[s] = row + 1;
    m_through[s] = std::max(m_through[s], answer_id);
}

void ExportAnswerSet::rank_keys() {
    std::vector<std::uint32_t> order(m_keys.size());
    std::iota(order.begin(), order.end(), 0u);
    auto question_and_phase = [this](std::uint32_t k) {
        return std::tie(m_texts.text(m_keys[k].question), m_texts.text(m_keys[k].phase));
    };
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return question_and_phase(a) < question_and_phase(b); });
    // Keys that differ only by wording share a rank: they answer the same question and phase.
    m_rank.assign(m_keys.size(), 0);
    std::uint32_t rank = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && question_and_phase(order[i - 1]) != question_and_phase(order[i])) ++rank;
        m_rank[order[i]] = rank;
    }
}

void ExportAnswerSet::gather(std::uint32_t session, const std::vector<bool>* wanted_keys) {
    if (m_rank.size() != m_keys.size()) rank_keys();
    m_gather.clear();
    for (std::uint32_t r = m_first[session]; r != 0; r = m_rows[r - 1].skipped_and_next & ~kSkipped)
        if (!wanted_keys || (*wanted_keys)[m_rows[r - 1].key]) m_gather.push_back(r - 1);
    // An insertion sort (a visit has a few dozen rows at most), stable: rows of one question
    // and phase stay in the order they were stored, the latest last.
    for (size_t i = 1; i < m_gather.size(); ++i) {
        const std::uint32_t row = m_gather[i];
        const std::uint32_t rank = m_rank[m_rows[row].key];
        size_t j = i;
        for (; j > 0 && m_rank[m_rows[m_gather[j - 1]].key] > rank; --j) m_gather[j] = m_gather[j - 1];
        m_gather[j] = row;
    }
}

size_t ExportAnswerSet::emit(const std::string& session_id, std::vector<ExportAnswer>& out, size_t kept) const {
    for (size_t i = 0; i < m_gather.size(); ++i) {
        const Row& row = m_rows[m_gather[i]];
        const bool superseded = i + 1 < m_gather.size() && m_rank[m_rows[m_gather[i + 1]].key] == m_rank[row.key];
        if (superseded || (row.skipped_and_next & kSkipped)) continue;
        if (++kept > out.size()) out.emplace_back();
        ExportAnswer& a = out[kept - 1];  // reused from visit to visit, so its strings keep their memory
        const Key& key = m_keys[row.key];
        a.session_id.assign(session_id);
        a.question_id.assign(m_texts.text(key.question));
        a.phase.assign(m_texts.text(key.phase));
        a.value.assign(m_texts.text(row.value));
        a.content_hash.assign(m_texts.text(key.content_hash));
    }
    return kept;
}

void ExportAnswerSet::effective(const std::string& session_id, std::vector<ExportAnswer>& out,
                                std::int64_t& through) {
    through = 0;
    const auto it = m_session_index.find(session_id);
    if (it == m_session_index.end()) {
        out.clear();
        return;
    }
    through = m_through[it->second];
    gather(it->second, nullptr);
    out.resize(emit(session_id, out, 0));
}

std::vector<ExportAnswer> ExportAnswerSet::effective_to(const std::vector<std::string>& question_ids) {
    std::vector<bool> wanted(m_keys.size(), false);
    for (size_t k = 0; k < m_keys.size(); ++k)
        wanted[k] = std::find(question_ids.begin(), question_ids.end(), m_texts.text(m_keys[k].question)) !=
                    question_ids.end();
    std::vector<ExportAnswer> out;
    size_t kept = 0;
    for (std::uint32_t s = 0; s < m_session_ids.size(); ++s) {
        if (m_first[s] == 0) continue;
        gather(s, &wanted);
        kept = emit(m_session_ids[s], out, kept);
    }
    out.resize(kept);
    return out;
}

}  // namespace dv
