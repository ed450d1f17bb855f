// Test helpers: a tiny content pack held in memory, the default pack from assets/, and a
// temporary folder that removes itself.
#pragma once

#include "core/content.hpp"

#include <string>

namespace dv::test {

// A complete pack in two languages ("en" and "cy"): topic "t1" with two explainers, four
// questions (single, scale, multi, and one shown only if q_single = yes), scenario "s1" with
// three cards, an "about you" question, and a closing explainer.
PackFiles tiny_pack_files();
const Pack& tiny_pack();

// The tiny pack with informed-view questions on scenario "s1": knowledge statements "k1"
// (true) and "k2" (false), the words they need, and comparison_percent as given.
PackFiles informed_pack_files(int comparison_percent = 20);
const Pack& informed_pack();

// assets/content/default, parsed (fails the test if it does not parse).
const Pack& default_pack();

std::string source_dir();

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

}  // namespace dv::test
