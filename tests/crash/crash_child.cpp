// The crash test's child: plays scripted visitors through the real Journey and Store (the
// same glue as the kiosk app) until it is killed. It reports on stdout, one write per commit:
//   READY                                   the store is open
//   TRY <session> <question>#<phase> <value>  about to commit (one line per answer)
//   ACK <session> <question>#<phase> <value>  Store::commit returned true for those answers
// A skipped answer's value is written "(skip)". Usage: crash_child DATABASE SEED
#include "exchange/pack_files.hpp"
#include "store/store.hpp"
#include "support/visit_driver.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace {

void say(const std::string& text) {
    // One write per message: a kill can land between messages, never inside one.
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(1, text.data() + done, text.size() - done);
        if (n <= 0) std::_Exit(4);
        done += static_cast<size_t>(n);
    }
}

std::string lines(const char* tag, const dv::PendingCommit& p) {
    std::string out;
    for (const auto& a : p.answers)
        out += std::string(tag) + ' ' + p.session.session_id + ' ' + a.question_id + '#' + a.phase + ' ' +
               (a.skipped ? "(skip)" : a.value) + '\n';
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: crash_child DATABASE SEED\n");
        return 2;
    }
    const dv::PackLoad pack = dv::load_pack_dir(std::string(DATAVOICE_SOURCE_DIR) + "/assets/content/default");
    if (!pack.pack) {
        std::fprintf(stderr, "crash_child: the default content pack does not load\n");
        return 2;
    }
    std::string error;
    auto store = dv::Store::open(argv[1], error);
    if (!store) {
        std::fprintf(stderr, "crash_child: %s\n", error.c_str());
        return 2;
    }
    for (const auto& w : store->startup_warnings()) std::fprintf(stderr, "crash_child: %s\n", w.c_str());
    say("READY\n");

    dv::test::VisitDriver driver(*pack.pack, *store, std::strtoull(argv[2], nullptr, 10));
    dv::test::VisitHooks hooks;
    hooks.before_commit = [](const dv::PendingCommit& p) { say(lines("TRY", p)); };
    hooks.acknowledged = [](const dv::PendingCommit& p) { say(lines("ACK", p)); };
    hooks.refused = [&store](const dv::PendingCommit&) {
        std::fprintf(stderr, "crash_child: a commit failed: %s\n", store->last_error().c_str());
        std::_Exit(3);
    };
    for (;;) driver.play_visit(hooks);
}
