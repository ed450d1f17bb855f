// kiosk/cli: the one option parser of datavoice-kiosk and of the datavoice subcommands, on
// CLI11 (Debian's libcli11-dev). A command declares its flags, valued options (text, whole
// numbers in a range, numbers above 0, repeatable ones) and positional arguments, then
// parse() fills them in, or names what is wrong in one line such as
// "datavoice collect: --db needs a value". An option is `--name`; its value is the next
// argument (or `--name=value`). An output keeps its value (the default) when its option is not
// given; an option or flag given twice is refused, except a repeatable option's; an unknown
// option is refused. `--help` (and any extra help names given) asks for the usage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dv {

class Options {
public:
    enum class Need { Optional, Required };
    enum class Outcome { Ok, Help, Bad };

    // command prefixes every error line ("datavoice collect"); usage is printed with --help
    // (to stdout) and after an error (to stderr).
    Options(std::string command, const char* usage, std::vector<std::string> help_names = {"--help"});

    void flag(const std::string& name, bool& out);
    void text(const std::string& name, std::string& out, Need need = Need::Optional);
    // May be given more than once; each value is appended.
    void texts(const std::string& name, std::vector<std::string>& out);
    void whole_number(const std::string& name, long min, long max, long& out, Need need = Need::Optional);
    // A number above 0 (seconds, say); `what` names it in the error ("a number of seconds").
    void positive_number(const std::string& name, const std::string& what, double& out);
    // Arguments that are not options: from min to max of them, called `what` in errors.
    void arguments(const std::string& what, size_t min, size_t max, std::vector<std::string>& out);
    // Exactly one argument that is not an option (or at most one, when Optional).
    void argument(const std::string& what, std::string& out, Need need = Need::Required);

    // Fills in the declared outputs. Prints nothing; after Bad, error() says what is wrong.
    Outcome parse(const std::vector<std::string>& args);
    const std::string& error() const { return m_error; }
    // After parse(): whether `name` was on the command line.
    bool given(const std::string& name) const;

    // parse(), then for Help prints the usage and gives exit code 0, for Bad prints the error
    // line to stderr, and the usage after it unless only a value was wrong, and gives 2;
    // nullopt when the command should go on.
    std::optional<int> parse_or_exit_code(const std::vector<std::string>& args);

    // Prints "<command>: message" to stderr.
    void say(const std::string& message) const;
    // say(message) (and the usage, for usage_error); returns 2, the exit code of bad usage or
    // input.
    int fail(const std::string& message) const;
    int usage_error(const std::string& message) const;

private:
    using Output = std::variant<bool*, std::string*, std::vector<std::string>*, long*, double*>;
    struct Spec {
        std::string name;
        Output out;
        Need need;
        long min = 0, max = 0;
        std::string what;  // for positive_number
        bool seen = false;
    };
    struct Positional {
        std::string what;
        size_t min = 0, max = 0;
        std::variant<std::vector<std::string>*, std::string*> out;
    };

    Outcome bad(const std::string& message, bool usage_helps = true);

    std::string m_command;
    const char* m_usage;
    std::vector<std::string> m_help_names;
    std::vector<Spec> m_specs;
    std::optional<Positional> m_positional;
    std::string m_error;
    bool m_usage_helps = true;  // the error is about the command line's shape, not one value
};

}  // namespace dv
