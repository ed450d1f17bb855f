// The simulation's random numbers: std::mt19937_64 (whose output the C++ standard fixes) with
// every distribution derived here, because std::uniform_*_distribution and friends may give
// different values on different standard libraries. The same seed gives the same visitors on
// every machine.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace dv::sim {

class SimRandom {
public:
    explicit SimRandom(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t bits() { return m_engine(); }
    // Uniform in [0, 1), 53 bits.
    double unit();
    // Uniform in [lo, hi].
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // True with probability p.
    bool chance(double p) { return p > 0 && unit() < p; }
    // Uniform in [0, n), without modulo bias; n > 0.
    std::uint64_t below(std::uint64_t n);
    // An index drawn in proportion to the weights (not all zero).
    size_t weighted(const std::vector<double>& weights);
    // A Poisson count with mean lambda (Knuth's method, in steps of at most 30).
    int poisson(double lambda);
    // 32 hex digits, as a session id looks.
    std::string hex_id();
    // Fisher-Yates with below().
    void shuffle(std::vector<std::string>& items);

private:
    std::mt19937_64 m_engine;
};

}  // namespace dv::sim
