// This file implements the datavoice subcommands' option parser (options.hpp).
#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace dv::tools {

Options::Options(std::string command, const char* usage) : m_command(std::move(command)), m_usage(usage) {}

void Options::flag(const std::string& name, bool& out) { m_specs.push_back({name, &out, Need::Optional}); }

void Options::text(const std::string& name, std::string& out, Need need) { m_specs.push_back({name, &out, need}); }

void Options::texts(const std::string& name, std::vector<std::string>& out) {
    m_specs.push_back({name, &out, Need::Optional});
}

void Options::whole_number(const std::string& name, long min, long max, long& out, Need need) {
    m_specs.push_back({name, &out, need, min, max});
}

void Options::arguments(const std::string& what, size_t min, size_t max, std::vector<std::string>& out) {
    m_positional = Positional{what, min, max, &out};
}

void Options::argument(const std::string& what, std::string& out, Need need) {
    m_positional = Positional{what, need == Need::Required ? 1u : 0u, 1, &out};
}

Options::Outcome Options::bad(const std::string& message, bool usage_helps) {
    m_error = m_command + ": " + message;
    m_usage_helps = usage_helps;
    return Outcome::Bad;
}

Options::Outcome Options::take(Spec& spec, const std::string& value) {
    if (spec.seen && !std::holds_alternative<std::vector<std::string>*>(spec.out))
        return bad(spec.name + " is given twice");
    spec.seen = true;
    if (auto* text = std::get_if<std::string*>(&spec.out)) {
        **text = value;
    } else if (auto* list = std::get_if<std::vector<std::string>*>(&spec.out)) {
        (*list)->push_back(value);
    } else if (auto* number = std::get_if<long*>(&spec.out)) {
        long v = 0;
        const char* end = value.data() + value.size();
        const auto [stop, ec] = std::from_chars(value.data(), end, v);
        if (value.empty() || ec != std::errc() || stop != end || v < spec.min || v > spec.max)
            return bad(spec.name + " must be a whole number from " + std::to_string(spec.min) + " to " +
                       std::to_string(spec.max),
                       false);
        **number = v;
    }
    return Outcome::Ok;
}

Options::Outcome Options::parse(const std::vector<std::string>& args) {
    m_error.clear();
    for (auto& spec : m_specs) spec.seen = false;
    std::vector<std::string> loose;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!a.empty() && a[0] != '-') {
            if (!m_positional || loose.size() == m_positional->max) return bad("unexpected argument '" + a + "'");
            loose.push_back(a);
            continue;
        }
        if (a == "--help") return Outcome::Help;
        const auto spec = std::find_if(m_specs.begin(), m_specs.end(), [&a](const Spec& s) { return s.name == a; });
        if (spec == m_specs.end()) return bad("unknown option '" + a + "'");
        if (auto* flag = std::get_if<bool*>(&spec->out)) {
            **flag = spec->seen = true;
            continue;
        }
        if (i + 1 == args.size()) return bad(a + " needs a value");
        if (take(*spec, args[++i]) == Outcome::Bad) return Outcome::Bad;
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

}  // namespace dv::tools
