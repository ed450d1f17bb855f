// datavoice-kiosk --check-data DIR: can this kiosk run on that data folder? The package's
// postinst runs it as the service user before (re)starting the service, so an install onto a
// folder the kiosk cannot write, or over a database from a newer datavoice, stops with one
// line naming the folder and the fix. It reads only; nothing stored is changed.
#pragma once

#include <string>

namespace dv {

// 0 when the kiosk can use dir; otherwise prints one line to stderr and returns 2.
int check_data_folder(const std::string& dir);

}  // namespace dv
