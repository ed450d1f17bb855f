// Checking a bundle's rows against the content packs they name, before collect counts them.
// Each session's pack (id and version) is looked up among the packs staff gave (--pack-dir);
// its pack_hash, and each of its answers, must fit that pack:
//   - pack_hash (in sessions.csv and in manifest.json's packs) is the pack's hash;
//   - the question exists (a view's phase `first`/`second` only for a question a scenario
//     asks; `card_order`/`cards_seen` only for a scenario, naming its own cards);
//   - a single or scale answer is one of the question's options;
//   - a multi-choice answer names options of the question, none twice, at most max_choices.
// Sessions of a pack that is not at hand cannot be checked; they are named, not refused.
#pragma once

#include "core/content.hpp"
#include "exchange/bundle_read.hpp"

#include <string>
#include <vector>

namespace dv::central {

struct RowProblem {
    std::string where;   // "DIR/answers.csv row 12"
    std::string reason;  // what is wrong, naming the session, question and value
    long session = -1;   // index in BundleContents::sessions when the whole session is bad
    long answer = -1;    // index in BundleContents::answers when one answer is bad
};

struct PackCheck {
    std::string bundle_problem;             // a problem no row can be blamed for (manifest.json)
    std::vector<RowProblem> rows;           // in file order, sessions first
    std::vector<std::string> packs_missing; // "default 0.9.0": not among the packs, not checked
};

// What is wrong with one stored value as an answer to `q` ("" when it fits): an option the
// question does not have, one chosen twice, or more than max_choices. Free text always fits.
std::string value_problem(const Question& q, const std::string& value);

PackCheck check_rows_against_packs(const std::string& dir, const BundleContents& b, const std::vector<Pack>& packs);

}  // namespace dv::central
