// This file implements the compact file forms of QR payloads (see qr_compact.hpp).
#include "qr_compact.hpp"

#include "bundle_rows.hpp"
#include "csv.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace dv {

namespace {

using Json = nlohmann::ordered_json;

bool is_csv(const std::string& name) { return name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0; }
bool is_json(const std::string& name) { return name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0; }

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Reads values ended by '\0'.
class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    bool u32(std::uint32_t& v) {
        if (m_in.size() - m_at < 4) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(m_in[m_at++]);
        return true;
    }
    bool byte(unsigned& v) {
        if (m_at >= m_in.size()) return false;
        v = static_cast<unsigned char>(m_in[m_at++]);
        return true;
    }
    bool value(std::string& v) {
        const size_t end = m_in.find('\0', m_at);
        if (end == std::string_view::npos) return false;
        v.assign(m_in.substr(m_at, end - m_at));
        m_at = end + 1;
        return true;
    }
    bool done() const { return m_at == m_in.size(); }

private:
    std::string_view m_in;
    size_t m_at = 0;
};

// Columns whose value mostly follows another's (answers.csv's wording key follows the
// question): sent joined to that column, so deflate sees the pair as one repeated string.
constexpr std::pair<const char*, const char*> kJoined[] = {{"wording", "question_id"}};
constexpr char kJoin = '\x01';

// The column this one travels joined to, or -1.
int joined_to(const CsvTable& t, size_t c) {
    for (const auto& [column, key] : kJoined) {
        const int k = t.column(key);
        if (t.header[c] != column || k < 1 || static_cast<size_t>(k) >= c) continue;
        for (const auto& r : t.rows)
            if (r[c].find(kJoin) != std::string::npos || r[static_cast<size_t>(k)].find(kJoin) != std::string::npos)
                return -1;
        return k;
    }
    return -1;
}

bool to_columns(const CsvTable& t, const std::vector<std::string>& earlier, std::string& out) {
    out.clear();
    put_u32(out, static_cast<std::uint32_t>(t.rows.size()));
    out += static_cast<char>(t.header.size());
    for (const auto& h : t.header) out += h + '\0';
    std::vector<int> partner(t.header.size(), -1);  // key column → the column joined to it
    for (size_t c = 0; c < t.header.size(); ++c)
        if (const int k = joined_to(t, c); k >= 0) partner[static_cast<size_t>(k)] = static_cast<int>(c);
    for (size_t c = 0; c < t.header.size(); ++c) {
        if (const int k = joined_to(t, c); k >= 0) {
            out += static_cast<char>(2);
            out += static_cast<char>(k);
            continue;
        }
        // Run lengths against the earlier CSV's first column, when this column follows it.
        bool runs = c == 0 && !earlier.empty();
        std::string counts;
        if (runs) {
            size_t row = 0;
            for (const auto& id : earlier) {
                size_t n = 0;
                while (row < t.rows.size() && t.rows[row][0] == id) ++row, ++n;
                counts += std::to_string(n) + '\0';
            }
            runs = row == t.rows.size();
        }
        out += static_cast<char>(runs ? 1 : 0);
        if (runs) {
            out += counts;
            continue;
        }
        for (const auto& r : t.rows) {
            if (r[c].find('\0') != std::string::npos) return false;
            out += r[c];
            if (partner[c] >= 0) out += kJoin + r[static_cast<size_t>(partner[c])];
            out += '\0';
        }
    }
    return true;
}

bool from_columns(std::string_view packed, const std::vector<std::string>& earlier, std::string& out) {
    Reader in(packed);
    std::uint32_t rows = 0;
    unsigned cols = 0;
    if (!in.u32(rows) || !in.byte(cols) || cols == 0 || rows > packed.size()) return false;
    std::vector<std::string> header(cols);
    for (auto& h : header)
        if (!in.value(h)) return false;
    std::vector<std::vector<std::string>> table(rows, std::vector<std::string>(cols));
    std::vector<std::pair<unsigned, unsigned>> joined;  // (column, key column)
    for (unsigned c = 0; c < cols; ++c) {
        unsigned marker = 0;
        if (!in.byte(marker) || marker > 2 || (marker == 1 && c != 0)) return false;
        if (marker == 2) {
            unsigned k = 0;
            if (!in.byte(k) || k >= c) return false;
            joined.emplace_back(c, k);
            continue;
        }
        if (marker == 1) {
            size_t row = 0;
            for (const auto& id : earlier) {
                std::string count;
                if (!in.value(count) || count.empty() || count.size() > 9 ||
                    count.find_first_not_of("0123456789") != std::string::npos)
                    return false;
                for (size_t n = std::stoul(count); n > 0; --n) {
                    if (row >= rows) return false;
                    table[row++][0] = id;
                }
            }
            if (row != rows) return false;
            continue;
        }
        for (auto& r : table)
            if (!in.value(r[c])) return false;
    }
    if (!in.done()) return false;
    for (const auto& [c, k] : joined)
        for (auto& r : table) {
            const size_t cut = r[k].find(kJoin);
            if (cut == std::string::npos) return false;
            r[c] = r[k].substr(cut + 1);
            r[k].resize(cut);
        }
    out = csv_start(header);
    for (const auto& r : table) csv_append_row(out, r);
    return true;
}

}  // namespace

std::vector<std::string> csv_first_column(const std::string& name, const std::string& bytes) {
    std::vector<std::string> out;
    CsvTable t;
    Problem problem;
    if (!is_csv(name) || !parse_csv(bytes, name, t, problem) || t.header.empty()) return out;
    for (auto& r : t.rows) out.push_back(std::move(r[0]));
    return out;
}

CompactFile compact_qr_file(const std::string& name, const std::string& bytes,
                            const std::vector<std::string>& earlier_first_column) {
    CompactFile c;
    std::string restored, error;
    if (is_json(name)) {
        const Json doc = Json::parse(bytes, nullptr, false);
        if (!doc.is_discarded()) {
            c = {QrFileForm::Json, doc.dump(-1, ' ', false, Json::error_handler_t::replace)};
            if (restore_qr_file(c.form, name, c.bytes, earlier_first_column, restored, error) && restored == bytes)
                return c;
        }
    } else if (is_csv(name)) {
        CsvTable t;
        Problem problem;
        c.form = QrFileForm::Columns;
        if (parse_csv(bytes, name, t, problem) && t.header.size() < 256 &&
            to_columns(t, earlier_first_column, c.bytes) &&
            restore_qr_file(c.form, name, c.bytes, earlier_first_column, restored, error) && restored == bytes)
            return c;
    }
    return {QrFileForm::Raw, bytes};
}

bool restore_qr_file(QrFileForm form, const std::string& name, std::string_view packed,
                     const std::vector<std::string>& earlier_first_column, std::string& out, std::string& error) {
    switch (form) {
        case QrFileForm::Raw: out.assign(packed); return true;
        case QrFileForm::Json: {
            const Json doc = Json::parse(packed, nullptr, false);
            if (doc.is_discarded()) break;
            try {
                out = doc.dump(2) + "\n";
            } catch (const Json::exception&) {
                break;
            }
            return true;
        }
        case QrFileForm::Columns:
            if (from_columns(packed, earlier_first_column, out)) return true;
            break;
    }
    error = "the file " + name + " inside the payload is damaged";
    return false;
}

}  // namespace dv
