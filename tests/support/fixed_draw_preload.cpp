// Tests only: loaded into the real kiosk with LD_PRELOAD, it pins the draw that puts a visit
// in a scenario's comparison group (kiosk/core/informed.cpp draws it with libsodium's
// randombytes_uniform(100)). DATAVOICE_TEST_PERCENT_DRAW=N makes every such draw N (0–99):
// 0 puts every visit of a scenario with a comparison share in the comparison group, 99 none.
// Every other call (the card shuffle, any other bound) goes to libsodium unchanged, and
// without the variable nothing changes at all.
#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>

using Uniform = std::uint32_t (*)(std::uint32_t);

extern "C" std::uint32_t randombytes_uniform(const std::uint32_t upper_bound) {
    static const auto real = reinterpret_cast<Uniform>(dlsym(RTLD_NEXT, "randombytes_uniform"));
    if (upper_bound == 100) {
        if (const char* pinned = std::getenv("DATAVOICE_TEST_PERCENT_DRAW")) {
            const long n = std::strtol(pinned, nullptr, 10);
            if (n >= 0 && n < 100) return static_cast<std::uint32_t>(n);
        }
    }
    return real(upper_bound);
}
