// The binaries under test, and running the kiosk headless under its own Xvfb.
#pragma once

#include "support/subprocess.hpp"

#include <map>
#include <string>
#include <vector>

namespace dv::test {

using proc::ProcessResult;
using proc::run_process;
using proc::Xvfb;

std::string kiosk_binary();
std::string tool_binary();

// The values of DATAVOICE_TEST_PERCENT_DRAW that put a visit in each study group of a scenario
// whose comparison share is between 1 and 99 % (kiosk/core/informed.hpp).
inline constexpr const char* kDrawComparisonGroup = "0";
inline constexpr const char* kDrawCardsGroup = "99";

// Runs the kiosk under a private Xvfb at width×height with the given arguments (and extra
// environment, such as DATAVOICE_TEST_WALL_CLOCK). The comparison-group draw is pinned to the
// cards group unless env sets DATAVOICE_TEST_PERCENT_DRAW.
ProcessResult run_kiosk_headless(const std::vector<std::string>& args, int width = 1920, int height = 1080,
                                 const std::map<std::string, std::string>& env = {});

// Environment that decides, whatever the machine has, whether the kiosk finds a sound device:
// an ALSA configuration written into `dir` whose default device is ALSA's null sink (present)
// or is not there at all (absent).
std::map<std::string, std::string> sound_device_env(const std::string& dir, bool present);

// An empty folder build/test-artefacts/NAME (relative to where the test runs) for
// screenshots and widget dumps that stay after the test for people to look at.
std::string fresh_artefacts_dir(const std::string& name);

// A whole file as text ("" when it cannot be read).
std::string read_file(const std::string& path);

// The exact text of each QR code in a screenshot, as the zbar command-line tool reads it.
std::vector<std::string> zbar_texts(const std::string& png);

}  // namespace dv::test
