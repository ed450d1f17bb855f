# CMake toolchain for a Raspberry Pi (arm64, Debian 12 / Raspberry Pi OS bookworm), cross-built
# on a Debian 12 amd64 machine with crossbuild-essential-arm64 and the :arm64 -dev packages in
# tools/setup/packages-arm64.txt (Debian multiarch: they sit beside the amd64 ones).
# Used by tools/deploy/build-packages.sh arm64.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Libraries and headers come from the multiarch folders of the host's own root; programs
# (pkg-config, gzip) are the build machine's.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# pkg-config must read the arm64 .pc files, never the amd64 ones.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

# Tests and tools run under user-mode emulation (qemu-user-static); -L / finds the arm64
# loader and libraries that multiarch installed.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static -L /)
