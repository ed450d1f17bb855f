// The option parser of datavoice-kiosk and the datavoice subcommands (kiosk/cli/options.hpp): each kind of
// mistake on a command line is named in one line, and good command lines fill in every output;
// and every subcommand of the real datavoice binary answers through it.
#include "cli/options.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

using dv::Options;

namespace {

// The shape of a typical subcommand: two valued options (one needed), a flag, a bounded whole
// number, a repeatable option and one to three inputs.
struct Collect {
    std::string db, key;
    bool all = false;
    long days = 7;
    std::vector<std::string> sites, inputs;
    Options cli{"datavoice collect", "Usage: datavoice collect --db CENTRAL INPUT...\n"};
    Collect() {
        cli.text("--db", db, Options::Need::Required);
        cli.text("--key", key);
        cli.flag("--all", all);
        cli.whole_number("--days", 1, 365, days);
        cli.texts("--site", sites);
        cli.arguments("INPUT", 1, 3, inputs);
    }
    Options::Outcome parse(std::vector<std::string> args) { return cli.parse(args); }
};

}  // namespace

TEST_CASE("Tool options/a good command line fills in every option and argument", "[tool-options]") {
    Collect c;
    REQUIRE(c.parse({"a", "--db", "central.sqlite", "--all", "--days", "30", "b", "--key", "staff.key"}) ==
            Options::Outcome::Ok);
    CHECK(c.db == "central.sqlite");
    CHECK(c.key == "staff.key");
    CHECK(c.all);
    CHECK(c.days == 30);
    CHECK(c.inputs == std::vector<std::string>{"a", "b"});
    CHECK(c.cli.error().empty());
}

TEST_CASE("Tool options/an option missing its value is named", "[tool-options]") {
    Collect c;
    CHECK(c.parse({"in", "--db"}) == Options::Outcome::Bad);
    CHECK(c.cli.error() == "datavoice collect: --db needs a value");
}

TEST_CASE("Tool options/an unknown option is named", "[tool-options]") {
    Collect c;
    CHECK(c.parse({"--db", "x", "--foo", "in"}) == Options::Outcome::Bad);
    CHECK(c.cli.error() == "datavoice collect: unknown option '--foo'");
    // A single dash is an option too, not an input.
    CHECK(c.parse({"--db", "x", "-k", "in"}) == Options::Outcome::Bad);
    CHECK(c.cli.error() == "datavoice collect: unknown option '-k'");
}

TEST_CASE("Tool options/a needed option that is missing is named", "[tool-options]") {
    Collect c;
    CHECK(c.parse({"in"}) == Options::Outcome::Bad);
    CHECK(c.cli.error() == "datavoice collect: --db is needed");
}

TEST_CASE("Tool options/a whole number outside its range or not a number is refused with the range",
          "[tool-options]") {
    const std::string range = "datavoice collect: --days must be a whole number from 1 to 365";
    for (const char* bad : {"0", "366", "-1", "ten", "7x", "", " 7", "99999999999999999999999"}) {
        Collect c;
        INFO(bad);
        CHECK(c.parse({"--db", "x", "--days", bad, "in"}) == Options::Outcome::Bad);
        CHECK(c.cli.error() == range);
    }
    for (const auto& [text, value] : {std::pair{"1", 1L}, {"365", 365L}}) {
        Collect c;
        REQUIRE(c.parse({"--db", "x", "--days", text, "in"}) == Options::Outcome::Ok);
        CHECK(c.days == value);
    }
}

TEST_CASE("Tool options/a repeatable option keeps every value and a single one given twice is refused",
          "[tool-options]") {
    Collect c;
    REQUIRE(c.parse({"--site", "Riverside", "--db", "x", "--site", "Hill Street", "in"}) == Options::Outcome::Ok);
    CHECK(c.sites == std::vector<std::string>{"Riverside", "Hill Street"});

    Collect twice;
    CHECK(twice.parse({"--db", "a.sqlite", "--db", "b.sqlite", "in"}) == Options::Outcome::Bad);
    CHECK(twice.cli.error() == "datavoice collect: --db is given twice");

    // A flag given twice is refused too: a repeated word is more likely a mistake than a wish.
    Collect flags;
    CHECK(flags.parse({"--all", "--db", "x", "--all", "in"}) == Options::Outcome::Bad);
    CHECK(flags.cli.error() == "datavoice collect: --all is given twice");
    Collect once;
    CHECK(once.parse({"--all", "--db", "x", "in"}) == Options::Outcome::Ok);
    CHECK(once.all);
}

TEST_CASE("Tool options/positional arguments are counted", "[tool-options]") {
    Collect none;
    CHECK(none.parse({"--db", "x"}) == Options::Outcome::Bad);
    CHECK(none.cli.error() == "datavoice collect: INPUT is needed");

    Collect many;
    CHECK(many.parse({"--db", "x", "a", "b", "c", "d"}) == Options::Outcome::Bad);
    CHECK(many.cli.error() == "datavoice collect: unexpected argument 'd'");

    std::vector<std::string> pair;
    Options two("datavoice pair", "");
    two.arguments("FILE", 2, 2, pair);
    CHECK(two.parse({"a"}) == Options::Outcome::Bad);
    CHECK(two.error() == "datavoice pair: needs at least 2 FILE");

    std::string bundle;
    Options one("datavoice verify", "");
    one.argument("BUNDLE_DIR", bundle);
    CHECK(one.parse({"b1", "b2"}) == Options::Outcome::Bad);
    CHECK(one.error() == "datavoice verify: unexpected argument 'b2'");
    REQUIRE(one.parse({"b1"}) == Options::Outcome::Ok);
    CHECK(bundle == "b1");

    Options flags_only("datavoice keygen", "");
    CHECK(flags_only.parse({"stray"}) == Options::Outcome::Bad);
    CHECK(flags_only.error() == "datavoice keygen: unexpected argument 'stray'");
}

TEST_CASE("Tool options/--help asks for the usage even when needed options are missing", "[tool-options]") {
    Collect c;
    CHECK(c.parse({"--help"}) == Options::Outcome::Help);
    CHECK(c.parse({"--key", "k", "--help"}) == Options::Outcome::Help);
    // As the value of an option it is only a value.
    CHECK(c.parse({"--db", "--help", "in"}) == Options::Outcome::Ok);
    CHECK(c.db == "--help");
    // The exit code: 0 for --help, 2 for a mistake, none when the command goes on.
    Collect help, mistake, good;
    CHECK(help.cli.parse_or_exit_code({"--help"}) == 0);
    CHECK(mistake.cli.parse_or_exit_code({"--nope"}) == 2);
    CHECK_FALSE(good.cli.parse_or_exit_code({"--db", "x", "in"}).has_value());
}

TEST_CASE("Tool options/every datavoice subcommand names an unknown option and answers --help", "[tool-options]") {
    const std::vector<std::vector<std::string>> commands = {
        {"lint"}, {"keygen"}, {"export"}, {"verify"}, {"collect"}, {"report"}, {"qr", "decode"}, {"sign-pack"},
        {"simulate"}, {"kiosk", "add"}, {"kiosk", "list"}, {"kiosk", "revoke"}};
    for (const auto& command : commands) {
        const std::string name = "datavoice " + command[0];
        const std::string usage = "Usage: " + name + (command.size() > 1 ? " " + command[1] : "");
        std::vector<std::string> argv{dv::test::tool_binary()};
        argv.insert(argv.end(), command.begin(), command.end());
        INFO(name);

        argv.push_back("--bogus");
        const auto bad = dv::test::run_process(argv);
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.rfind(name + ": unknown option '--bogus'\n" + usage, 0) == 0);
        CHECK(bad.out.empty());

        argv.back() = "--help";
        const auto help = dv::test::run_process(argv);
        CHECK(help.exit_code == 0);
        CHECK(help.out.rfind(usage, 0) == 0);
        CHECK(help.err.empty());
    }
}
