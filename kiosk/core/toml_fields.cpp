// Strict TOML field reading; also the one translation unit that compiles toml++ itself.
#define TOML_IMPLEMENTATION
#include "toml_fields.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdio>

namespace dv::tomlf {

namespace {
std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
}  // namespace

// Two things toml++ 3.3 does not survive, refused before it sees the text:
//  - nesting (tables in dotted keys and headers, arrays, inline tables): it recurses once per
//    level, so a hostile file could exhaust the stack. Our formats nest three or four levels
//    deep; kMaxNesting is plenty.
//  - a non-ASCII character outside quotes and comments: its whitespace test then reaches
//    an "unreachable" branch (undefined behaviour, found by libFuzzer). Such a file is not
//    valid TOML anyway.
namespace {

constexpr int kMaxNesting = 64;

// The first of those problems, as a line and a message; line 0 when there is none.
int prescan(std::string_view text, std::string& message) {
    int line = 1, dots = 0, brackets = 0;
    size_t i = 0;
    auto at = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
    while (i < text.size()) {
        const char c = text[i];
        if (at("\"\"\"") || at("'''")) {  // a multi-line string: skip to its end
            const std::string_view close = text.substr(i, 3);
            const size_t end = text.find(close, i + 3);
            const size_t stop = end == std::string_view::npos ? text.size() : end + 3;
            for (size_t k = i; k < stop; ++k) line += text[k] == '\n';
            i = stop;
            dots = 0;
            continue;
        }
        if (c == '"' || c == '\'') {  // a one-line string
            ++i;
            while (i < text.size() && text[i] != c && text[i] != '\n') i += (c == '"' && text[i] == '\\') ? 2 : 1;
            ++i;
            continue;
        }
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
            continue;
        }
        if (c == '\n') ++line, dots = 0;
        if (c == '=' || c == ',') dots = 0;
        if (static_cast<unsigned char>(c) >= 0x80) {
            message = "text outside quotes must be plain ASCII (put words in \"quotes\")";
            return line;
        }
        const bool deeper = (c == '.' && ++dots > kMaxNesting) || ((c == '[' || c == '{') && ++brackets > kMaxNesting);
        if (deeper) {
            message = "nested more than " + std::to_string(kMaxNesting) + " levels deep";
            return line;
        }
        if (c == '[' || c == '{') dots = 0;
        if (c == ']' || c == '}') brackets = std::max(0, brackets - 1), dots = 0;
        ++i;
    }
    return 0;
}

}  // namespace

std::optional<toml::table> parse(std::string_view text, const std::string& file, Problems& problems) {
    std::string message;
    if (const int line = prescan(text, message)) {
        problems.push_back({file, line, "not valid TOML: " + message});
        return std::nullopt;
    }
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        std::string msg(e.description());
        problems.push_back({file, static_cast<int>(e.source().begin.line), "not valid TOML: " + msg});
        return std::nullopt;
    }
}

Fields::Fields(const toml::table& table, const std::string& file, Problems& problems, std::string context)
    : m_table(table), m_file(file), m_problems(problems), m_context(std::move(context)) {}

std::string Fields::where(std::string_view key) const {
    return m_context.empty() ? "'" + std::string(key) + "'" : "'" + m_context + "." + std::string(key) + "'";
}

void Fields::error(std::string_view key, const std::string& message) {
    const toml::node* n = m_table.get(key);
    m_problems.push_back({m_file, n ? line_of(*n) : line_of(m_table), where(key) + " " + message});
}

void Fields::error_here(const std::string& message) {
    m_problems.push_back({m_file, line_of(m_table), (m_context.empty() ? "" : m_context + ": ") + message});
}

const toml::node* Fields::get(std::string_view key, bool required) {
    m_read.insert(std::string(key));
    const toml::node* n = m_table.get(key);
    if (!n && required) {
        m_problems.push_back({m_file, line_of(m_table), "missing " + where(key)});
    }
    return n;
}

std::optional<std::string> Fields::text(std::string_view key, bool required, size_t max_bytes) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    const auto* s = n->as_string();
    if (!s) {
        error(key, "must be text in quotes");
        return std::nullopt;
    }
    const std::string& v = s->get();
    if (v.size() > max_bytes) {
        error(key, "is too long (" + std::to_string(v.size()) + " bytes; at most " + std::to_string(max_bytes) + ")");
        return std::nullopt;
    }
    if (!is_valid_utf8(v)) {
        error(key, "is not valid UTF-8");
        return std::nullopt;
    }
    return v;
}

std::optional<std::int64_t> Fields::integer(std::string_view key, bool required, std::int64_t min, std::int64_t max) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    const auto* i = n->as_integer();
    if (!i) {
        error(key, "must be a whole number");
        return std::nullopt;
    }
    const std::int64_t v = i->get();
    if (v < min || v > max) {
        error(key, "is " + std::to_string(v) + "; it must be between " + std::to_string(min) + " and " +
                       std::to_string(max));
        return std::nullopt;
    }
    return v;
}

std::optional<double> Fields::number(std::string_view key, bool required, double min, double max) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    double v;
    if (const auto* f = n->as_floating_point()) {
        v = f->get();
    } else if (const auto* i = n->as_integer()) {
        v = static_cast<double>(i->get());
    } else {
        error(key, "must be a number");
        return std::nullopt;
    }
    if (!(v >= min && v <= max)) {
        error(key, "is out of range; it must be between " + short_number(min) + " and " + short_number(max));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> Fields::boolean(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    const auto* b = n->as_boolean();
    if (!b) {
        error(key, "must be true or false");
        return std::nullopt;
    }
    return b->get();
}

std::optional<std::vector<std::string>> Fields::text_list(std::string_view key, bool required, size_t max_items) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    const auto* a = n->as_array();
    if (!a) {
        error(key, "must be a list of text, like [\"a\", \"b\"]");
        return std::nullopt;
    }
    if (a->size() > max_items) {
        error(key, "has too many items (" + std::to_string(a->size()) + "; at most " + std::to_string(max_items) + ")");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : *a) {
        const auto* s = item.as_string();
        if (!s) {
            m_problems.push_back({m_file, line_of(item), where(key) + " must hold only text in quotes"});
            return std::nullopt;
        }
        if (!is_valid_utf8(s->get())) {
            m_problems.push_back({m_file, line_of(item), where(key) + " holds text that is not valid UTF-8"});
            return std::nullopt;
        }
        out.push_back(s->get());
    }
    return out;
}

const toml::table* Fields::table(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return nullptr;
    const auto* t = n->as_table();
    if (!t) error(key, "must be a table");
    return t;
}

const toml::array* Fields::array(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return nullptr;
    const auto* a = n->as_array();
    if (!a) error(key, "must be a list");
    return a;
}

std::vector<const toml::table*> Fields::tables(std::string_view key, bool required, size_t max_items) {
    std::vector<const toml::table*> out;
    const toml::array* a = array(key, required);
    if (!a) return out;
    if (a->size() > max_items) {
        error(key, "has too many entries (" + std::to_string(a->size()) + "; at most " + std::to_string(max_items) + ")");
        return out;
    }
    for (const auto& item : *a) {
        const auto* t = item.as_table();
        if (!t) {
            m_problems.push_back({m_file, line_of(item), where(key) + " entries must be tables"});
            continue;
        }
        out.push_back(t);
    }
    return out;
}

void Fields::finish() {
    for (const auto& [k, v] : m_table) {
        if (!m_read.count(k.str())) {
            m_problems.push_back({m_file, line_of(v), "unknown key " + where(k.str())});
        }
    }
}

}  // namespace dv::tomlf
