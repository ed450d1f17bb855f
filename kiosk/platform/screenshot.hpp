// Writes RGB pixels to a PNG file (stb_image_write from Debian's libstb).
#pragma once

#include <string>
#include <vector>

namespace dv {

bool write_png(const std::string& path, const std::vector<unsigned char>& rgb, int width, int height);

}  // namespace dv
