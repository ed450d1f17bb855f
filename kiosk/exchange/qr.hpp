// QR code symbols as module grids, through libqrencode. Drawing them is the UI's job.
#pragma once

#include "core/qr_matrix.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv {


// A link or short text, byte mode, error correction level M.
QrMatrix encode_qr_text(const std::string& text);

// Text already in QR alphanumeric form (0-9 A-Z space $%*+-./:), e.g. base45; fails on other
// characters. min_version/max_version bound the symbol size (1–40).
QrMatrix encode_qr_alphanumeric(const std::string& text, int min_version = 1, int max_version = 40);

// The most alphanumeric characters one symbol of this version (1–40) holds at level M, as
// libqrencode packs them (found once by trying, then remembered).
int qr_alphanumeric_capacity(int version);

}  // namespace dv
