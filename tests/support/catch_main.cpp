// Catch2's main(), compiled here for cross-builds: Debian's libCatch2WithMain.a is built for
// the machine's own architecture only (the catch2 package is Multi-Arch: foreign).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
