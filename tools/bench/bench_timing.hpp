// Wall and CPU time for the benchmarks, measured the same way in each of them.
#pragma once

#include <chrono>

#include <sys/resource.h>

namespace dv::bench {

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU seconds (user + system) used so far by this process (RUSAGE_SELF), or by its finished
// children (RUSAGE_CHILDREN).
inline double cpu_seconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace dv::bench
