// Benchmark instrument: per-frame timings (UI build, whole frame, time since start), kept
// only when asked for (--frame-stats PATH) and written as a table on exit.
#pragma once

#include <string>
#include <vector>

namespace dv {

class FrameStats {
public:
    void record_to(std::string path) { m_path = std::move(path); }
    bool recording() const { return !m_path.empty(); }
    void add(float build_ms, float frame_ms, float at_s);
    // Writes "build_ms frame_ms at_s" rows; a message on stderr if the file cannot be written.
    void write() const;

private:
    std::string m_path;
    std::vector<float> m_build_ms, m_frame_ms, m_at_s;
};

}  // namespace dv
