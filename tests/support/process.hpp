// The binaries under test, and running the kiosk headless under its own Xvfb.
#pragma once

#include "support/subprocess.hpp"

#include <string>
#include <vector>

namespace dv::test {

using proc::ProcessResult;
using proc::run_process;
using proc::Xvfb;

std::string kiosk_binary();
std::string tool_binary();

// Runs the kiosk under a private Xvfb at width×height with the given arguments.
ProcessResult run_kiosk_headless(const std::vector<std::string>& args, int width = 1920, int height = 1080);

}  // namespace dv::test
