// This file implements the frame-statistics instrument (see frame_stats.hpp).
#include "frame_stats.hpp"

#include <cstdio>

namespace dv {

void FrameStats::add(float build_ms, float frame_ms, float at_s) {
    if (!recording()) return;
    m_build_ms.push_back(build_ms);
    m_frame_ms.push_back(frame_ms);
    m_at_s.push_back(at_s);
}

void FrameStats::write() const {
    if (!recording()) return;
    std::FILE* f = std::fopen(m_path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "datavoice-kiosk: %s: cannot write frame stats\n", m_path.c_str());
        return;
    }
    std::fprintf(f, "build_ms frame_ms at_s\n");
    for (size_t i = 0; i < m_build_ms.size(); ++i)
        std::fprintf(f, "%.4f %.4f %.4f\n", m_build_ms[i], m_frame_ms[i], m_at_s[i]);
    std::fclose(f);
}

}  // namespace dv
