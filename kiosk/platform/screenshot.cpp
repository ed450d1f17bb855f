// PNG output for screenshots.
#include "screenshot.hpp"

#include <stb/stb_image_write.h>

namespace dv {

bool write_png(const std::string& path, const std::vector<unsigned char>& rgb, int width, int height) {
    if (rgb.size() < static_cast<size_t>(width) * static_cast<size_t>(height) * 3) return false;
    // No per-row filter search: on flat UI colours it makes files no smaller and takes longer.
    stbi_write_force_png_filter = 0;
    return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

}  // namespace dv
