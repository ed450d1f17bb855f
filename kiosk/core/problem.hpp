// A problem found in an input file: the one-line "file:line: message" every parser in
// datavoice reports, so staff can find what is wrong without reading code.
#pragma once

#include <string>
#include <vector>

namespace dv {

struct Problem {
    std::string file;     // path as the user named it, or relative to a pack root
    int line = 0;         // 1-based; 0 when the problem is not tied to a line
    std::string message;  // plain words, no trailing full stop

    std::string str() const;
};

using Problems = std::vector<Problem>;

// "a.toml:3: message" for each problem, one per line.
std::string format_problems(const Problems& problems);

}  // namespace dv
