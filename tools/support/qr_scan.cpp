// This file implements reading QR codes from pictures (see qr_scan.hpp).
#include "qr_scan.hpp"

#include <stb/stb_image.h>
#include <zbar.h>

#include <memory>

namespace dv::tools {

using namespace zbar;

bool scan_qr_image(const std::string& path, std::vector<std::string>& texts, std::string& error) {
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> grey(stbi_load(path.c_str(), &w, &h, &channels, 1), stbi_image_free);
    if (!grey) {
        error = path + ": not a picture this tool can read (" + (stbi_failure_reason() ? stbi_failure_reason() : "unknown") + ")";
        return false;
    }
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);  // exact bytes, as zbarimg -Sbinary
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(w), static_cast<unsigned>(h));
    zbar_image_set_data(image, grey.get(), static_cast<unsigned long>(w) * static_cast<unsigned long>(h), nullptr);
    zbar_scan_image(scanner, image);
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image); s; s = zbar_symbol_next(s))
        if (zbar_symbol_get_type(s) == ZBAR_QRCODE)
            texts.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return true;
}

}  // namespace dv::tools
