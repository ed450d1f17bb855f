// datavoice report: writes the report from the central database — report.html, one CSV per
// table and report.xlsx; see tools/central/report.hpp.
#include "commands.hpp"

#include "central/report.hpp"
#include "core/clock.hpp"
#include "exchange/files.hpp"

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

}  // namespace

int cmd_report(const std::vector<std::string>& args) {
    std::string db_spec, out, pack, by, suppression = "hes", pack_dir;
    central::ReportOptions o;
    Options cli("datavoice report", kUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    cli.text("--out", out, Options::Need::Required);
    cli.text("--from", o.filter.from);
    cli.text("--to", o.filter.to);
    cli.text("--site", o.filter.site);
    cli.text("--pack", pack);
    cli.text("--by", by);
    cli.text("--suppression", suppression);
    cli.text("--pack-dir", pack_dir);
    cli.text("--age-question", o.age_question);
    cli.flag("--merge-versions", o.merge_versions);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    for (const std::string* d : {&o.filter.from, &o.filter.to})
        if (!d->empty() && !valid_date(*d)) return cli.fail("'" + *d + "' is not a date (YYYY-MM-DD)");
    const std::pair<const char*, central::Split> splits[] = {{"site", central::Split::Site},
                                                             {"month", central::Split::Month},
                                                             {"language", central::Split::Language},
                                                             {"age", central::Split::Age}};
    if (!by.empty()) {
        bool found = false;
        for (const auto& [name, split] : splits)
            if (by == name) o.split = split, found = true;
        if (!found) return cli.fail("--by " + by + ": expected site, month, language or age");
    }
    std::string error;
    if (!parse_suppression_rule(suppression, o.rule, error)) return cli.fail(error);
    const auto at = pack.find('@');
    o.filter.pack_id = pack.substr(0, at);
    if (at != std::string::npos) o.filter.pack_version = pack.substr(at + 1);
    if (!load_pack_option(cli, pack_dir, o.packs)) return 2;
    if (o.age_question.empty())
        for (const auto& p : o.packs)
            for (const auto& q : p.default_content().questions)
                if (o.age_question.empty() && q.about_you && q.id.find("age") != std::string::npos)
                    o.age_question = q.id;

    std::error_code ec;
    if (db_spec.find("://") == std::string::npos && !std::filesystem::exists(db_spec, ec))
        return cli.fail(db_spec + ": no such database (run datavoice collect first)");
    auto db = central::open_central_db(db_spec, error);
    if (!db) return cli.fail(error);
    if (!ensure_writable_dir(out, error)) return cli.fail(error);
    central::Report report;
    if (!central::build_report(*db, o, report, error) ||
        !central::write_report_html(report, out + "/report.html", error) ||
        !central::write_report_csv(report, out, error) ||
        !central::write_report_xlsx(report, out + "/report.xlsx", error))
        return cli.fail(error);
    for (const auto& w : report.warnings) cli.say("warning: " + w);
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
