// The one option parser (options.hpp): CLI11 reads the command line; the messages are ours.
#include "options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace dv {

Options::Options(std::string command, const char* usage, std::vector<std::string> help_names)
    : m_command(std::move(command)), m_usage(usage), m_help_names(std::move(help_names)) {}

void Options::flag(const std::string& name, bool& out) { m_specs.push_back({name, &out, Need::Optional}); }

void Options::text(const std::string& name, std::string& out, Need need) { m_specs.push_back({name, &out, need}); }

void Options::texts(const std::string& name, std::vector<std::string>& out) {
    m_specs.push_back({name, &out, Need::Optional});
}

void Options::whole_number(const std::string& name, long min, long max, long& out, Need need) {
    m_specs.push_back({name, &out, need, min, max});
}

void Options::positive_number(const std::string& name, const std::string& what, double& out) {
    Spec s{name, &out, Need::Optional};
    s.what = what;
    m_specs.push_back(std::move(s));
}

void Options::arguments(const std::string& what, size_t min, size_t max, std::vector<std::string>& out) {
    m_positional = Positional{what, min, max, &out};
}

void Options::argument(const std::string& what, std::string& out, Need need) {
    m_positional = Positional{what, need == Need::Required ? 1u : 0u, 1, &out};
}

bool Options::given(const std::string& name) const {
    const auto s = std::find_if(m_specs.begin(), m_specs.end(), [&](const Spec& x) { return x.name == name; });
    return s != m_specs.end() && s->seen;
}

Options::Outcome Options::bad(const std::string& message, bool usage_helps) {
    m_error = m_command + ": " + message;
    m_usage_helps = usage_helps;
    return Outcome::Bad;
}

namespace {

bool is_repeatable(const std::variant<bool*, std::string*, std::vector<std::string>*, long*, double*>& out) {
    return std::holds_alternative<std::vector<std::string>*>(out);
}

}  // namespace

Options::Outcome Options::parse(const std::vector<std::string>& args) {
    m_error.clear();
    CLI::App app(m_command);
    std::string help_names;
    for (const auto& h : m_help_names) help_names += (help_names.empty() ? "" : ",") + h;
    app.set_help_flag(help_names);

    // Values arrive as text; numbers are checked here so the message names the range.
    std::map<std::string, std::string> raw;
    std::map<std::string, CLI::Option*> opts;
    for (auto& spec : m_specs) {
        spec.seen = false;
        CLI::Option* o = nullptr;
        if (auto* flag = std::get_if<bool*>(&spec.out)) {
            o = app.add_flag(spec.name, **flag);
        } else if (auto* text = std::get_if<std::string*>(&spec.out)) {
            o = app.add_option(spec.name, **text);
        } else if (auto* list = std::get_if<std::vector<std::string>*>(&spec.out)) {
            o = app.add_option(spec.name, **list)->allow_extra_args(false);
        } else {
            o = app.add_option(spec.name, raw[spec.name]);
        }
        if (!is_repeatable(spec.out)) o->multi_option_policy(CLI::MultiOptionPolicy::Throw);
        opts[spec.name] = o;
    }
    std::vector<std::string> loose;
    CLI::Option* positional = nullptr;
    if (m_positional) positional = app.add_option("__arguments", loose)->expected(0, static_cast<int>(m_positional->max));

    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        return Outcome::Help;
    } catch (const CLI::ExtrasError&) {
        const auto extras = app.remaining();
        const std::string first = extras.empty() ? std::string() : extras.front();
        return bad(!first.empty() && first[0] == '-' ? "unknown option '" + first + "'"
                                                     : "unexpected argument '" + first + "'");
    } catch (const CLI::ParseError& e) {
        for (const auto& spec : m_specs)
            if (!is_repeatable(spec.out) && opts[spec.name]->count() > 1) return bad(spec.name + " is given twice");
        if (positional && positional->results().size() > m_positional->max)
            return bad("unexpected argument '" + positional->results()[m_positional->max] + "'");
        for (size_t i = 0; i < args.size(); ++i) {
            const auto spec = std::find_if(m_specs.begin(), m_specs.end(), [&](const Spec& s) { return s.name == args[i]; });
            if (spec != m_specs.end() && !std::holds_alternative<bool*>(spec->out) && i + 1 == args.size())
                return bad(args[i] + " needs a value");
        }
        return bad(e.what());
    }

    for (auto& spec : m_specs) {
        spec.seen = opts[spec.name]->count() > 0;
        if (!spec.seen) continue;
        const std::string& value = raw[spec.name];
        if (auto* number = std::get_if<long*>(&spec.out)) {
            long v = 0;
            const char* end = value.data() + value.size();
            const auto [stop, ec] = std::from_chars(value.data(), end, v);
            if (value.empty() || ec != std::errc() || stop != end || v < spec.min || v > spec.max)
                return bad(spec.name + " must be a whole number from " + std::to_string(spec.min) + " to " +
                               std::to_string(spec.max),
                           false);
            **number = v;
        } else if (auto* real = std::get_if<double*>(&spec.out)) {
            char* end = nullptr;
            const double v = std::strtod(value.c_str(), &end);
            if (value.empty() || *end || !(v > 0))
                return bad(spec.name + " needs " + spec.what + " above 0, not '" + value + "'", false);
            **real = v;
        }
    }
    for (const auto& spec : m_specs)
        if (spec.need == Need::Required && !spec.seen) return bad(spec.name + " is needed");
    if (m_positional) {
        if (loose.size() < m_positional->min)
            return bad(loose.empty() ? m_positional->what + " is needed"
                                     : "needs at least " + std::to_string(m_positional->min) + " " + m_positional->what);
        if (auto* list = std::get_if<std::vector<std::string>*>(&m_positional->out))
            **list = loose;
        else if (!loose.empty())
            *std::get<std::string*>(m_positional->out) = loose[0];
    }
    return Outcome::Ok;
}

std::optional<int> Options::parse_or_exit_code(const std::vector<std::string>& args) {
    switch (parse(args)) {
    case Outcome::Ok:
        return std::nullopt;
    case Outcome::Help:
        std::fputs(m_usage, stdout);
        return 0;
    case Outcome::Bad:
        break;
    }
    std::fprintf(stderr, "%s\n%s", m_error.c_str(), m_usage_helps ? m_usage : "");
    return 2;
}

void Options::say(const std::string& message) const {
    std::fprintf(stderr, "%s: %s\n", m_command.c_str(), message.c_str());
}

int Options::fail(const std::string& message) const {
    say(message);
    return 2;
}

int Options::usage_error(const std::string& message) const {
    std::fprintf(stderr, "%s: %s\n%s", m_command.c_str(), message.c_str(), m_usage);
    return 2;
}

}  // namespace dv
