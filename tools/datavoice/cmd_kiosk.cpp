// datavoice kiosk add|list|revoke: the kiosks the central database trusts (see
// tools/central/kiosks.hpp). `collect` refuses bundles from any other key.
#include "commands.hpp"

#include "central/kiosks.hpp"
#include "core/clock.hpp"

#include <cstdio>

namespace dv::tools {

namespace {

#define DV_KIOSK_ABOUT \
    "The kiosks whose bundles `datavoice collect` accepts. KEY is the kiosk's public key as its\n" \
    "bundles' manifest.json gives it (kiosk_key); its fingerprint is on the kiosk's staff\n" \
    "screen, so compare the two before adding. LABEL is the site label the kiosk's bundles\n" \
    "carry: a bundle under another label is refused. A revoked kiosk's later bundles are\n" \
    "refused; what it sent before stays in.\n" \
    "Exit status: 0 done, 1 the kiosk is already enrolled or not found, 2 bad usage or the\n" \
    "database cannot be opened.\n"
#define DV_KIOSK_ADD "Usage: datavoice kiosk add --db CENTRAL --site LABEL KEY\n"
#define DV_KIOSK_LIST "Usage: datavoice kiosk list --db CENTRAL\n"
#define DV_KIOSK_REVOKE "Usage: datavoice kiosk revoke --db CENTRAL KEY_OR_FINGERPRINT\n"

const char* const kUsage = DV_KIOSK_ADD DV_KIOSK_LIST DV_KIOSK_REVOKE DV_KIOSK_ABOUT;
const char* const kAddUsage = DV_KIOSK_ADD DV_KIOSK_ABOUT;
const char* const kListUsage = DV_KIOSK_LIST DV_KIOSK_ABOUT;
const char* const kRevokeUsage = DV_KIOSK_REVOKE DV_KIOSK_ABOUT;

std::unique_ptr<central::CentralDb> open_db(const Options& cli, const std::string& spec) {
    std::string error;
    auto db = central::open_central_db(spec, error);
    if (!db) cli.fail(error);
    return db;
}

std::string today() { return SystemClock().local_now().date(); }

int add(const std::vector<std::string>& args) {
    std::string db_spec, site, key;
    Options cli("datavoice kiosk", kAddUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    cli.text("--site", site, Options::Need::Required);
    cli.argument("KEY", key);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    auto db = open_db(cli, db_spec);
    if (!db) return 2;
    std::string error;
    if (!central::enrol_kiosk(*db, key, site, today(), error)) {
        cli.say(error);
        return key_fingerprint(key) ? 1 : 2;
    }
    std::printf("Enrolled kiosk key %s for site \"%s\".\n", key_fingerprint(key)->c_str(), site.c_str());
    return 0;
}

int list(const std::vector<std::string>& args) {
    std::string db_spec;
    Options cli("datavoice kiosk", kListUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    auto db = open_db(cli, db_spec);
    if (!db) return 2;
    std::vector<central::EnrolledKiosk> kiosks;
    std::string error;
    if (!central::list_kiosks(*db, kiosks, error)) return cli.fail(error);
    if (kiosks.empty()) std::printf("No kiosks enrolled.\n");
    for (const auto& k : kiosks)
        std::printf("%s  %s  enrolled %s%s  %s\n", k.fingerprint.c_str(), k.site_label.c_str(), k.enrolled_on.c_str(),
                    k.revoked_on.empty() ? "" : (", revoked " + k.revoked_on).c_str(), k.kiosk_key.c_str());
    return 0;
}

int revoke(const std::vector<std::string>& args) {
    std::string db_spec, which;
    Options cli("datavoice kiosk", kRevokeUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    cli.argument("KEY_OR_FINGERPRINT", which);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    auto db = open_db(cli, db_spec);
    if (!db) return 2;
    std::optional<central::EnrolledKiosk> k;
    std::string error;
    if (!central::find_kiosk_by_key_or_fingerprint(*db, which, k, error)) return cli.fail(error);
    if (!k) {
        cli.say("no enrolled kiosk has the key or fingerprint " + which + " (datavoice kiosk list shows them)");
        return 1;
    }
    if (!k->revoked_on.empty()) {
        cli.say("kiosk key " + k->fingerprint + " (site \"" + k->site_label + "\") was already revoked on " +
                k->revoked_on);
        return 1;
    }
    if (!central::revoke_kiosk(*db, k->kiosk_key, today(), error)) return cli.fail(error);
    std::printf("Revoked kiosk key %s (site \"%s\"): its bundles are refused from now on.\n", k->fingerprint.c_str(),
                k->site_label.c_str());
    return 0;
}

}  // namespace

int cmd_kiosk(const std::vector<std::string>& args) {
    const std::string what = args.empty() ? "" : args[0];
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (what == "add") return add(rest);
    if (what == "list") return list(rest);
    if (what == "revoke") return revoke(rest);
    if (what == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    std::fputs(kUsage, stderr);
    return 2;
}

}  // namespace dv::tools
