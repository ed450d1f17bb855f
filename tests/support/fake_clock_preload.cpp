// Tests only: loaded into the real kiosk with LD_PRELOAD, it moves the system clock the
// kiosk reads. DATAVOICE_TEST_WALL_CLOCK="YYYY-MM-DD HH:MM" (local time) makes the wall clock
// start at that time and run on from there, as a Pi without a real-time clock might after a
// power cut. The shipped kiosk knows nothing of it: the variable alone changes nothing.
// Only the wall clock moves (CLOCK_REALTIME and its coarse form, time(), gettimeofday());
// monotonic time, which the kiosk's timers use, is untouched. Setting the clock
// (clock_settime) moves the offset instead of the machine's clock.
#include <dlfcn.h>
#include <sys/time.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

using ClockGettime = int (*)(clockid_t, struct timespec*);

ClockGettime real_clock_gettime() {
    static const auto f = reinterpret_cast<ClockGettime>(dlsym(RTLD_NEXT, "clock_gettime"));
    return f;
}

std::atomic<bool> g_ready{false};
std::atomic<long long> g_offset{0};  // seconds added to the real wall clock

bool is_wall(clockid_t id) { return id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE; }

long long offset() {
    if (g_ready.load()) return g_offset.load();
    long long off = 0;
    const char* env = std::getenv("DATAVOICE_TEST_WALL_CLOCK");
    std::tm t{};
    if (env && std::sscanf(env, "%d-%d-%d %d:%d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min) == 5) {
        t.tm_year -= 1900;
        t.tm_mon -= 1;
        t.tm_isdst = -1;
        struct timespec now {};
        real_clock_gettime()(CLOCK_REALTIME, &now);
        off = static_cast<long long>(std::mktime(&t)) - now.tv_sec;
    }
    g_offset = off;
    g_ready = true;
    return off;
}

}  // namespace

extern "C" int clock_gettime(clockid_t id, struct timespec* ts) {
    const int r = real_clock_gettime()(id, ts);
    if (r == 0 && ts && is_wall(id)) ts->tv_sec += offset();
    return r;
}

extern "C" int gettimeofday(struct timeval* tv, void* tz) {
    struct timespec ts {};
    const int r = clock_gettime(CLOCK_REALTIME, &ts);
    if (tv) {
        tv->tv_sec = ts.tv_sec;
        tv->tv_usec = ts.tv_nsec / 1000;
    }
    (void)tz;
    return r;
}

extern "C" time_t time(time_t* out) {
    struct timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    if (out) *out = ts.tv_sec;
    return ts.tv_sec;
}

extern "C" int clock_settime(clockid_t id, const struct timespec* ts) {
    if (!is_wall(id) || !ts) return -1;
    struct timespec now {};
    real_clock_gettime()(CLOCK_REALTIME, &now);
    offset();
    g_offset = static_cast<long long>(ts->tv_sec) - now.tv_sec;
    return 0;
}
