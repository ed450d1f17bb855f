// Base45 (RFC 9285): bytes as text in the 45 characters of QR alphanumeric mode, so a QR code
// carries them at 5.5 bits a character instead of byte mode's 8 bits a byte. Two bytes become
// three characters, a last odd byte two.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dv {

std::string base45_encode(std::string_view bytes);
// Nothing when the text is not base45: a character outside the alphabet, a length that
// leaves one character over, or a group worth more than its bytes can hold.
std::optional<std::string> base45_decode(std::string_view text);

}  // namespace dv
