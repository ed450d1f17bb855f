// This file implements checking a bundle's rows against their content packs (pack_check.hpp).
#include "pack_check.hpp"

#include "core/informed.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace dv::central {

namespace {

std::string pack_name(const std::string& id, const std::string& version) { return id + " " + version; }

// The pack with this id and version: the one whose hash matches when several do.
const Pack* find_pack(const std::vector<Pack>& packs, const std::string& id, const std::string& version,
                      const std::string& hash) {
    const Pack* found = nullptr;
    for (const auto& p : packs)
        if (p.id == id && p.version == version && (!found || p.hash == hash)) found = &p;
    return found;
}

bool asked_by_a_scenario(const LanguageContent& c, const std::string& question_id) {
    return std::any_of(c.scenarios.begin(), c.scenarios.end(),
                       [&](const Scenario& s) { return s.question == question_id; });
}

// What is wrong with one answer against its pack ("" when nothing).
std::string answer_problem(const Pack& pack, const ExportAnswer& a) {
    const LanguageContent& c = pack.default_content();
    const std::string in_pack = " in pack " + pack_name(pack.id, pack.version);
    if (a.phase == "card_order" || a.phase == "cards_seen") {
        const Scenario* s = c.scenario(a.question_id);
        if (!s) return "phase " + a.phase + " names scenario '" + a.question_id + "', which is not" + in_pack;
        if (a.phase == "cards_seen") {
            const bool number = !a.value.empty() && a.value.size() < 4 &&
                                a.value.find_first_not_of("0123456789") == std::string::npos;
            if (!number || std::stoul(a.value) > s->cards.size())
                return "cards_seen '" + a.value + "' is not a number of cards of scenario '" + s->id + "'";
            return "";
        }
        std::set<std::string> seen;
        for (const auto& card : split(a.value, ',')) {
            const bool known = std::any_of(s->cards.begin(), s->cards.end(), [&](const Card& k) { return k.id == card; });
            if (!known) return "card '" + card + "' is not a card of scenario '" + s->id + "'" + in_pack;
            if (!seen.insert(card).second) return "card order names card '" + card + "' twice";
        }
        return "";
    }
    const auto phase = phase_from_name(a.phase);
    if (!phase) return "phase '" + a.phase + "' is not one the format has";
    if (!is_view(*phase)) {
        const std::string why = check_informed_record(c, *phase, a.question_id, a.value);
        return why.empty() ? why : why + in_pack;
    }
    const Question* q = c.question(a.question_id);
    if (!q) return "question '" + a.question_id + "' is not" + in_pack;
    if (!a.phase.empty() && !asked_by_a_scenario(c, q->id))
        return "phase " + a.phase + " given for question '" + q->id + "', which no scenario of the pack asks";
    const std::string why = value_problem(*q, a.value);
    return why.empty() ? why : why + in_pack;
}

}  // namespace

std::string value_problem(const Question& q, const std::string& value) {
    switch (q.type) {
        case QuestionType::FreeText:
            return "";
        case QuestionType::Single:
        case QuestionType::Scale:
            return q.option(value) ? "" : "option '" + value + "' is not an option of question '" + q.id + "'";
        case QuestionType::Multi: {
            const auto chosen = split(value, ';');
            std::set<std::string> seen;
            for (const auto& id : chosen) {
                if (!q.option(id)) return "option '" + id + "' is not an option of question '" + q.id + "'";
                if (!seen.insert(id).second) return "option '" + id + "' is chosen twice in one answer to '" + q.id + "'";
            }
            for (const auto& id : chosen)
                if (chosen.size() > 1 && q.option(id)->exclusive)
                    return "option '" + id + "' of question '" + q.id + "' is exclusive but was chosen with others";
            if (static_cast<int>(chosen.size()) > q.max_choices)
                return std::to_string(chosen.size()) + " options chosen for question '" + q.id + "', which allows " +
                       std::to_string(q.max_choices);
            return "";
        }
    }
    return "";
}

PackCheck check_rows_against_packs(const std::string& dir, const BundleContents& b, const std::vector<Pack>& packs) {
    PackCheck out;
    std::set<std::string> missing;
    for (const auto& listed : b.manifest.packs) {
        const Pack* p = find_pack(packs, listed.id, listed.version, listed.hash);
        if (p && p->hash != listed.hash) {
            out.bundle_problem = dir + "/manifest.json: pack " + pack_name(listed.id, listed.version) + " has hash " +
                                 listed.hash + ", but the pack's files hash to " + p->hash;
            return out;
        }
    }
    // Which pack each session's answers are checked against (nullptr: not at hand, or refused).
    std::unordered_map<std::string, const Pack*> pack_of;
    pack_of.reserve(b.sessions.size() * 2);
    for (size_t i = 0; i < b.sessions.size(); ++i) {
        const ExportSession& s = b.sessions[i];
        const Pack* p = find_pack(packs, s.pack_id, s.pack_version, s.pack_hash);
        if (!p) missing.insert(pack_name(s.pack_id, s.pack_version));
        if (p && p->hash != s.pack_hash) {
            out.rows.push_back({dir + "/sessions.csv row " + std::to_string(i + 1),
                                "session " + s.session_id + ": pack_hash " + s.pack_hash + " is not the hash of pack " +
                                    pack_name(p->id, p->version) + " (" + p->hash + ")",
                                static_cast<long>(i), -1});
            p = nullptr;
        }
        pack_of.emplace(s.session_id, p);
    }
    for (size_t i = 0; i < b.answers.size(); ++i) {
        const ExportAnswer& a = b.answers[i];
        const auto it = pack_of.find(a.session_id);
        if (it == pack_of.end() || !it->second) continue;
        const std::string why = answer_problem(*it->second, a);
        if (!why.empty())
            out.rows.push_back({dir + "/answers.csv row " + std::to_string(i + 1),
                                "session " + a.session_id + ": " + why, -1, static_cast<long>(i)});
    }
    out.packs_missing.assign(missing.begin(), missing.end());
    return out;
}

}  // namespace dv::central
