// The simulation's random numbers: the standard engine, with distributions of our own, so a
// seed means the same visitors with any standard library.
#include "simulate/sim_random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using dv::sim::SimRandom;

TEST_CASE("simulate/random numbers come from the standard mt19937_64 and stay in range", "[simulate]") {
    SimRandom r(5489);  // the C++ standard fixes the 10,000th output for the default seed
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i) x = r.bits();
    CHECK(x == 9981545732273789042ull);

    SimRandom a(42);
    int hits[5] = {};
    double sum_poisson = 0;
    for (int i = 0; i < 20000; ++i) {
        const double u = a.unit();
        REQUIRE((u >= 0 && u < 1));
        const auto b = a.below(5);
        REQUIRE(b < 5);
        ++hits[b];
        REQUIRE(a.weighted({0, 2, 0, 1}) % 2 == 1);  // never a zero weight
        sum_poisson += a.poisson(37.5);
    }
    for (int h : hits) CHECK(std::abs(h - 4000) < 4 * std::sqrt(4000 * 0.8));
    CHECK(sum_poisson / 20000 == Approx(37.5).margin(4 * std::sqrt(37.5 / 20000)));
    std::vector<std::string> v{"a", "b", "c", "d"};
    a.shuffle(v);
    std::sort(v.begin(), v.end());
    CHECK(v == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(a.hex_id().size() == 32);
    // Same seed, same draws.
    SimRandom c(7), d(7);
    for (int i = 0; i < 100; ++i) REQUIRE(c.between(2, 9) == d.between(2, 9));
}
