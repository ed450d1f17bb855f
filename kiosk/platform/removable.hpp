// Removable drives under the profile's removable-media root (default /media), for the
// staff screen. Called only while staff mode is unlocked (core/staff_mode.hpp, invariant 2).
//
// [X] /media/LABEL (usbmount, systemd automount) and /media/USER/LABEL (udisks) mount points.
// [X] Free and total space from statvfs; nothing on a drive is opened or read to list it.
// [X] A plain folder directly under the root (no mount point) is listed as a folder on the
//     kiosk's own storage, so tests and a "copy here" folder work, clearly labelled.
// [ ] Unmounting: staff pull the drive after "Safe to remove"; every file was fsynced and
//     read back, but the kiosk does not ask the system to unmount it.
#pragma once

#include "core/staff_mode.hpp"

#include <string>
#include <vector>

namespace dv {

std::vector<RemovableDrive> list_removable_drives(const std::string& root);

}  // namespace dv
