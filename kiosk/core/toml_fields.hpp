// Strict reading of TOML tables for datavoice's own formats (content packs, hardware profiles).
//
// Internal to kiosk/core: wraps toml++ so every parser reports "file:line: message", checks
// types and ranges the same way, and rejects keys it does not know instead of ignoring them.
#pragma once

#include "problem.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dv::tomlf {

inline int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// Parses text; on a syntax error adds one problem and returns nullopt.
std::optional<toml::table> parse(std::string_view text, const std::string& file, Problems& problems);

// Reads the keys of one table, remembering which were read so finish() can name the rest.
class Fields {
public:
    Fields(const toml::table& table, const std::string& file, Problems& problems, std::string context = {});

    std::optional<std::string> text(std::string_view key, bool required, size_t max_bytes = 4000);
    std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min, std::int64_t max);
    std::optional<double> number(std::string_view key, bool required, double min, double max);
    std::optional<bool> boolean(std::string_view key, bool required);
    std::optional<std::vector<std::string>> text_list(std::string_view key, bool required, size_t max_items = 100);
    const toml::table* table(std::string_view key, bool required);
    const toml::array* array(std::string_view key, bool required);
    // An array whose every element is a table ([[key]] in TOML).
    std::vector<const toml::table*> tables(std::string_view key, bool required, size_t max_items = 500);

    bool has(std::string_view key) const { return m_table.contains(key); }
    void error(std::string_view key, const std::string& message);
    void error_here(const std::string& message);
    // Reports every key that no getter asked for.
    void finish();

    int line() const { return line_of(m_table); }
    const std::string& file() const { return m_file; }
    Problems& problems() { return m_problems; }

private:
    const toml::node* get(std::string_view key, bool required);
    std::string where(std::string_view key) const;

    const toml::table& m_table;
    const std::string& m_file;
    Problems& m_problems;
    std::string m_context;
    std::set<std::string, std::less<>> m_read;
};

}  // namespace dv::tomlf
