// Compact forms of bundle files inside a QR payload, each restored byte for byte on the
// receiving side (every code saved is a quarter of a second of scanning). Format:
// docs/qr-format.md, "File forms".
//
//   raw      the bytes as they are
//   json     JSON written by the bundle (nlohmann, 2-space indent): sent without the
//            indentation, indented again on receipt
//   columns  a CSV written by the bundle, sent column by column (values of one column sit
//            together, so deflate finds the repeats); a first column whose values follow the
//            first column of an earlier CSV in runs (answers.csv's session ids follow
//            sessions.csv's) is sent as run lengths
//
// compact_qr_file() picks a form only if restoring it gives back exactly the same bytes, and
// falls back to raw otherwise; the manifest's sha256 checks the result again on the laptop.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum class QrFileForm : std::uint8_t { Raw = 0, Json = 1, Columns = 2 };

struct CompactFile {
    QrFileForm form = QrFileForm::Raw;
    std::string bytes;
};

// earlier_first_column: the first column of the CSV sent before this one ("" for none).
CompactFile compact_qr_file(const std::string& name, const std::string& bytes,
                            const std::vector<std::string>& earlier_first_column);
// False with error when the packed form is damaged.
bool restore_qr_file(QrFileForm form, const std::string& name, std::string_view packed,
                     const std::vector<std::string>& earlier_first_column, std::string& out, std::string& error);
// The first column of a CSV file's rows (empty when it is not CSV).
std::vector<std::string> csv_first_column(const std::string& name, const std::string& bytes);

}  // namespace dv
