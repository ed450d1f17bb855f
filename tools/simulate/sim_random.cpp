// The simulation's own distributions over std::mt19937_64 (see sim_random.hpp).
#include "sim_random.hpp"

#include <cmath>

namespace dv::sim {

double SimRandom::unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

std::uint64_t SimRandom::below(std::uint64_t n) {
    if (n <= 1) return 0;
    // Reject the top partial block so every residue is equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do x = m_engine();
    while (x >= limit);
    return x % n;
}

size_t SimRandom::weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w > 0 ? w : 0;
    if (weights.empty()) return 0;
    double x = unit() * total;
    size_t last = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0) continue;
        last = i;
        if (x < weights[i]) return i;
        x -= weights[i];
    }
    return last;  // rounding at the very top
}

int SimRandom::poisson(double lambda) {
    int count = 0;
    while (lambda > 0) {
        const double step = lambda > 30 ? 30 : lambda;
        lambda -= step;
        const double floor = std::exp(-step);
        double p = unit();
        while (p > floor) {
            ++count;
            p *= unit();
        }
    }
    return count;
}

std::string SimRandom::hex_id() {
    static const char digits[] = "0123456789abcdef";
    std::string s(32, '0');
    std::uint64_t a = m_engine(), b = m_engine();
    for (int i = 0; i < 16; ++i) {
        s[i] = digits[(a >> (4 * i)) & 15];
        s[16 + i] = digits[(b >> (4 * i)) & 15];
    }
    return s;
}

void SimRandom::shuffle(std::vector<std::string>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
}

}  // namespace dv::sim
