// Reading QR codes from pictures with libzbar, in-process: the one reader `datavoice qr
// decode`, the tests and the QR benchmark share. Images are read with stb_image (PNG, JPEG,
// BMP, ...), turned grey, and every QR symbol zbar finds is returned as its exact bytes.
//
// [X] Screenshots and phone photos; several codes in one picture.
// [ ] Video: scan frames of a recording by exporting them as pictures first.
#pragma once

#include <string>
#include <vector>

namespace dv::tools {

// False with error ("file: what is wrong") when the picture cannot be read; true with no
// texts when it holds no QR code.
bool scan_qr_image(const std::string& path, std::vector<std::string>& texts, std::string& error);

}  // namespace dv::tools
