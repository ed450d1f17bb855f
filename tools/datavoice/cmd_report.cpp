// datavoice report: writes the report from the central database — report.html, one CSV per
// table and report.xlsx; see tools/central/report.hpp.
#include "commands.hpp"

#include "central/report.hpp"
#include "core/clock.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice report --db CENTRAL --out DIR [--from DATE] [--to DATE] [--site SITE]\n"
    "       [--pack ID[@VERSION]] [--by site|month|language|age] [--merge-versions]\n"
    "       [--suppression hes|none|hide=N,round=M] [--pack-dir DIR] [--age-question ID]\n"
    "Writes DIR/report.html (open it in a browser; print it to PDF), one CSV per table and\n"
    "DIR/report.xlsx. Small numbers are hidden by NHS England's rule unless --suppression says\n"
    "otherwise. Question and answer words come from the content packs in --pack-dir (a pack\n"
    "folder or a folder of packs; default: the installed assets/content).\n"
    "Exit status: 0 written, 2 bad usage or the database or a file cannot be used.\n";

bool valid_date(const std::string& s) {
    CivilTime t;
    return s.size() == 10 && parse_civil(s, t);
}

std::vector<Pack> load_packs(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<Pack> packs;
    std::vector<std::string> candidates;
    std::error_code ec;
    if (fs::exists(fs::path(dir) / "pack.toml", ec)) {
        candidates.push_back(dir);
    } else {
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (fs::exists(it->path() / "pack.toml", ec)) candidates.push_back(it->path().string());
        std::sort(candidates.begin(), candidates.end());
    }
    for (const auto& c : candidates) {
        PackLoad load = load_pack_dir(c);
        if (load.pack) packs.push_back(std::move(*load.pack));
        else std::fprintf(stderr, "datavoice report: %s: not a usable content pack; its words are not used\n", c.c_str());
    }
    return packs;
}

}  // namespace

int cmd_report(const std::vector<std::string>& args) {
    std::string db_spec, out, pack, by, suppression = "hes", pack_dir;
    central::ReportOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has = i + 1 < args.size();
        if (a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--db" && has) db_spec = args[++i];
        else if (a == "--out" && has) out = args[++i];
        else if (a == "--from" && has) o.filter.from = args[++i];
        else if (a == "--to" && has) o.filter.to = args[++i];
        else if (a == "--site" && has) o.filter.site = args[++i];
        else if (a == "--pack" && has) pack = args[++i];
        else if (a == "--by" && has) by = args[++i];
        else if (a == "--suppression" && has) suppression = args[++i];
        else if (a == "--pack-dir" && has) pack_dir = args[++i];
        else if (a == "--age-question" && has) o.age_question = args[++i];
        else if (a == "--merge-versions") o.merge_versions = true;
        else {
            std::fprintf(stderr, "datavoice report: unknown option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    if (db_spec.empty() || out.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    for (const std::string* d : {&o.filter.from, &o.filter.to})
        if (!d->empty() && !valid_date(*d)) {
            std::fprintf(stderr, "datavoice report: '%s' is not a date (YYYY-MM-DD)\n", d->c_str());
            return 2;
        }
    const std::pair<const char*, central::Split> splits[] = {{"site", central::Split::Site},
                                                             {"month", central::Split::Month},
                                                             {"language", central::Split::Language},
                                                             {"age", central::Split::Age}};
    if (!by.empty()) {
        bool found = false;
        for (const auto& [name, split] : splits)
            if (by == name) o.split = split, found = true;
        if (!found) {
            std::fprintf(stderr, "datavoice report: --by %s: expected site, month, language or age\n", by.c_str());
            return 2;
        }
    }
    std::string error;
    if (!parse_suppression_rule(suppression, o.rule, error)) {
        std::fprintf(stderr, "datavoice report: %s\n", error.c_str());
        return 2;
    }
    const auto at = pack.find('@');
    o.filter.pack_id = pack.substr(0, at);
    if (at != std::string::npos) o.filter.pack_version = pack.substr(at + 1);
    o.packs = load_packs(pack_dir.empty() ? std::filesystem::path(default_content_dir()).parent_path().string()
                                          : pack_dir);
    if (o.age_question.empty())
        for (const auto& p : o.packs)
            for (const auto& q : p.default_content().questions)
                if (o.age_question.empty() && q.about_you && q.id.find("age") != std::string::npos)
                    o.age_question = q.id;

    std::error_code ec;
    if (db_spec.find("://") == std::string::npos && !std::filesystem::exists(db_spec, ec)) {
        std::fprintf(stderr, "datavoice report: %s: no such database (run datavoice collect first)\n", db_spec.c_str());
        return 2;
    }
    auto db = central::open_central_db(db_spec, error);
    if (!db) {
        std::fprintf(stderr, "datavoice report: %s\n", error.c_str());
        return 2;
    }
    if (!ensure_writable_dir(out, error)) {
        std::fprintf(stderr, "datavoice report: %s\n", error.c_str());
        return 2;
    }
    central::Report report;
    if (!central::build_report(*db, o, report, error) ||
        !central::write_report_html(report, out + "/report.html", error) ||
        !central::write_report_csv(report, out, error) ||
        !central::write_report_xlsx(report, out + "/report.xlsx", error)) {
        std::fprintf(stderr, "datavoice report: %s\n", error.c_str());
        return 2;
    }
    size_t sections = 0, tables = 0;
    for (const auto& part : report.parts)
        for (const auto& s : part.sections) {
            ++sections;
            tables += s.tables.size();
        }
    std::printf("Report written to %s: report.html, report.xlsx and %zu CSV tables (%zu questions).\n", out.c_str(),
                tables, sections);
    return 0;
}

}  // namespace dv::tools
