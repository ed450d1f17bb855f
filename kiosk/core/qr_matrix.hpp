// A QR code symbol as a grid of modules: what exchange/qr.hpp encodes and the UI draws.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dv {

struct QrMatrix {
    int size = 0;                       // modules per side; 0 when encoding failed
    std::vector<std::uint8_t> modules;  // size*size, row by row, 1 = dark
};

// A pack's take-away links (an explainer's qr_url), each encoded once, by link.
using LinkCodes = std::map<std::string, QrMatrix>;

}  // namespace dv
