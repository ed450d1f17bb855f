// The content packs `collect` checks rows against and `report` takes words from: --pack-dir
// (a pack folder or a folder of packs) or, without it, the installed assets/content. A folder
// given that is missing or holds no pack is an error, never a quiet fall-back to ids.
#include "commands.hpp"

#include "exchange/pack_files.hpp"

#include <algorithm>
#include <filesystem>

namespace dv::tools {

bool load_pack_option(const Options& cli, const std::string& pack_dir, std::vector<Pack>& packs) {
    namespace fs = std::filesystem;
    const bool given = !pack_dir.empty();
    const std::string dir = given ? pack_dir : fs::path(default_content_dir()).parent_path().string();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (given) {
            cli.say(dir + ": no such folder (--pack-dir names a content pack folder or a folder of packs)");
            return false;
        }
        cli.say(dir + ": the installed content packs are not there; answers cannot be checked or given words");
        return true;
    }
    std::vector<std::string> candidates;
    if (fs::exists(fs::path(dir) / "pack.toml", ec)) {
        candidates.push_back(dir);
    } else {
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (fs::exists(it->path() / "pack.toml", ec)) candidates.push_back(it->path().string());
        std::sort(candidates.begin(), candidates.end());
    }
    if (candidates.empty() && given) {
        cli.say(dir + ": holds no content pack (no pack.toml in it or in the folders in it)");
        return false;
    }
    for (const auto& c : candidates) {
        PackLoad load = load_pack_dir(c);
        if (load.pack)
            packs.push_back(std::move(*load.pack));
        else
            cli.say(c + ": not a usable content pack (" +
                    (load.problems.empty() ? std::string("unreadable") : load.problems.front().str()) +
                    "); it is not used");
    }
    return true;
}

}  // namespace dv::tools
