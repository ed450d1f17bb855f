// A libFuzzer target for content packs, run by hand (not part of CTest):
//
//   cmake -S . -B build-libfuzzer -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
//         -DDATAVOICE_LIBFUZZER=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
//   cmake --build build-libfuzzer --target fuzz_pack -j2
//   build-libfuzzer/tests/fuzz_pack -max_total_time=300 build-libfuzzer/fuzz-corpus
//
// Each input replaces one file of the example pack (assets/content/example): its first byte
// picks which, the rest is the file's new text. parse_pack() and lint_pack() must never crash,
// and whatever they refuse must come with a problem that names a file.
#include "core/content.hpp"
#include "core/lint.hpp"
#include "example_pack.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

dv::PackFiles g_pack;
std::vector<std::string> g_names;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    g_pack = dv::test::example_pack_files();
    for (const auto& [name, text] : g_pack) g_names.push_back(name);
    return g_names.empty() ? 1 : 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    if (size == 0 || g_names.empty()) return 0;
    dv::PackFiles files = g_pack;
    files[g_names[data[0] % g_names.size()]] = std::string(reinterpret_cast<const char*>(data + 1), size - 1);
    const dv::LintReport r = dv::lint_pack_files(files);
    for (const auto& p : r.errors)
        if (p.file.empty() || p.message.empty()) std::abort();
    return 0;
}
