// Formatting of parser problems as "file:line: message".
#include "problem.hpp"

namespace dv {

std::string Problem::str() const {
    std::string out = file.empty() ? std::string("(input)") : file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": " + message;
    return out;
}

std::string format_problems(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) {
        out += p.str();
        out += '\n';
    }
    return out;
}

}  // namespace dv
