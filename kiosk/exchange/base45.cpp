// This file implements base45 (RFC 9285, section 4).
#include "base45.hpp"

#include <algorithm>

namespace dv {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

int value_of(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    switch (c) {
        case ' ': return 36;
        case '$': return 37;
        case '%': return 38;
        case '*': return 39;
        case '+': return 40;
        case '-': return 41;
        case '.': return 42;
        case '/': return 43;
        case ':': return 44;
        default: return -1;
    }
}

}  // namespace

std::string base45_encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() / 2 * 3 + 2);
    size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        unsigned n = static_cast<unsigned char>(bytes[i]) * 256u + static_cast<unsigned char>(bytes[i + 1]);
        out += kAlphabet[n % 45];
        n /= 45;
        out += kAlphabet[n % 45];
        out += kAlphabet[n / 45];
    }
    if (i < bytes.size()) {
        const unsigned n = static_cast<unsigned char>(bytes[i]);
        out += kAlphabet[n % 45];
        out += kAlphabet[n / 45];
    }
    return out;
}

std::optional<std::string> base45_decode(std::string_view text) {
    if (text.size() % 3 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 3 * 2 + 1);
    for (size_t i = 0; i < text.size(); i += 3) {
        const size_t group = std::min<size_t>(3, text.size() - i);
        unsigned n = 0, scale = 1;
        for (size_t j = 0; j < group; ++j) {
            const int v = value_of(text[i + j]);
            if (v < 0) return std::nullopt;
            n += static_cast<unsigned>(v) * scale;
            scale *= 45;
        }
        if (group == 3) {
            if (n > 0xFFFF) return std::nullopt;
            out += static_cast<char>(n >> 8);
            out += static_cast<char>(n & 0xFF);
        } else {
            if (n > 0xFF) return std::nullopt;
            out += static_cast<char>(n);
        }
    }
    return out;
}

}  // namespace dv
