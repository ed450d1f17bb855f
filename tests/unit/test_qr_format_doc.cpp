// docs/qr-format.md is the contract with the receiving tools: its frame header table must
// add up to the header the code writes, and its tables name the forms and kinds the code has.
#include "exchange/files.hpp"
#include "exchange/qr_compact.hpp"
#include "exchange/qr_frames.hpp"
#include "exchange/qr_payload.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

using namespace dv;

namespace {

// The rows of the first table after `heading`, as lists of cells.
std::vector<std::vector<std::string>> table_after(const std::string& doc, const std::string& heading) {
    std::vector<std::vector<std::string>> out;
    size_t at = doc.find(heading + "\n");
    REQUIRE(at != std::string::npos);
    at = doc.find("| --- |", at);
    REQUIRE(at != std::string::npos);
    at = doc.find('\n', at) + 1;
    while (at < doc.size() && doc.compare(at, 2, "| ") == 0) {
        const size_t end = doc.find('\n', at);
        std::vector<std::string> cells;
        size_t p = at + 2;
        while (p < end) {
            const size_t bar = doc.find(" |", p);
            if (bar == std::string::npos || bar > end) break;
            cells.push_back(doc.substr(p, bar - p));
            p = bar + 3;
        }
        out.push_back(cells);
        at = end + 1;
    }
    return out;
}

std::string doc_text() {
    std::string text, error;
    REQUIRE(read_text_file(test::source_dir() + "/docs/qr-format.md", text, error));
    return text;
}

}  // namespace

TEST_CASE("QR format doc/the frame header table adds up to the header the code writes", "[qr][doc]") {
    const auto rows = table_after(doc_text(), "### Frame header");
    int bytes = 0;
    for (const auto& r : rows) bytes += std::stoi(r.at(1));
    CHECK(bytes == kQrHeaderBytes);
    CHECK(rows.size() == 8);
    CHECK(rows.back().at(0) == "crc32");
}

TEST_CASE("QR format doc/names the format version, the frame limit and every file form", "[qr][doc]") {
    const std::string doc = doc_text();
    CHECK(doc.find("# QR sync format, version " + std::to_string(kQrFormatVersion)) == 0);
    CHECK(doc.find("DV" + std::to_string(kQrFormatVersion) + "<base45") != std::string::npos);
    CHECK(doc.find("1.." + std::to_string(kQrMaxFrames)) != std::string::npos);
    const auto forms = table_after(doc, "### File forms");
    REQUIRE(forms.size() == 3);
    CHECK(forms[0].at(1) == std::to_string(static_cast<int>(QrFileForm::Raw)));
    CHECK(forms[1].at(1) == std::to_string(static_cast<int>(QrFileForm::Json)));
    CHECK(forms[2].at(1) == std::to_string(static_cast<int>(QrFileForm::Columns)));
    const auto kinds = table_after(doc, "## Two kinds");
    REQUIRE(kinds.size() == 2);
    CHECK(kinds[0].at(0) == qr_kind_name(QrKind::Summary));
    CHECK(kinds[1].at(0) == qr_kind_name(QrKind::Full));
}

TEST_CASE("QR format doc/the preset deflate dictionary is the one the doc freezes for this version", "[qr][doc]") {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", qr_dictionary_adler32());
    CHECK(doc_text().find(std::string("Adler-32 `") + hex + "`") != std::string::npos);
}
