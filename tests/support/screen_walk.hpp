// Walking every screen of a content pack in the real kiosk: an input script generated from the
// pack with core's own Journey (so it follows the content as it changes), and a reader for the
// widget dumps the script asks for. Used by the screens test (every language) and the layout
// test (every profile, language and text size).
#pragma once

#include "core/content.hpp"

#include <string>
#include <vector>

namespace dv::test {

struct Capture {
    std::string name;    // file stem of the dump (and screenshot)
    std::string screen;  // what the walk expects the kiosk to show
};

struct Walk {
    std::string script;
    std::vector<Capture> captures;
};

struct WalkOptions {
    std::string language = "en";
    int text_size = 0;        // 0 standard, 1 large, 2 extra large (tapped on the welcome screen)
    bool screenshots = true;  // a PNG beside every dump
    std::string prefix;       // put before every capture name, so several walks share a folder
    int idle_seconds = 60;    // the profile's timeouts, for the "Still there?" ending
    int still_there_seconds = 20;
    // The study group every scenario's visit is in: the kiosk must be run with the same draw
    // (run_kiosk_headless pins the cards group; kDrawComparisonGroup for the other).
    bool comparison_group = false;
};

// Starts on the attract screen, visits every topic (skipping questions, except to open a
// conditional one), then lets "Still there?" reset the kiosk: it ends on the attract screen.
Walk walk_every_topic(const Pack& pack, const WalkOptions& options);

struct Widget {
    std::string id, kind;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;       // where it is laid out
    float vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0;   // the part not scrolled out of view
    bool overflow = false, visible = false;
};

// Reads a dump-widgets file (kiosk/platform/script.cpp): the screen showing and every widget.
std::vector<Widget> read_widgets(const std::string& path, std::string& screen);

}  // namespace dv::test
