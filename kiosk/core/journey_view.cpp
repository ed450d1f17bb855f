// What the screens read from the journey: the current topic, explainer, question, card,
// progress and deadlines (the state machine itself is in journey.cpp).
#include "journey.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

const Topic* Journey::topic() const { return m_topic.empty() ? nullptr : content().topic(m_topic); }

const Explainer* Journey::explainer() const {
    if (m_screen != Screen::Explainer && m_screen != Screen::Closing) return nullptr;
    return content().explainer(m_steps[m_step].ref);
}

const Scenario* Journey::scenario() const {
    if (facilitated()) return content().scenario(m_facilitated);
    const Topic* t = topic();
    return t && !t->scenario.empty() ? content().scenario(t->scenario) : nullptr;
}

StudyGroup Journey::group() const {
    const Scenario* s = scenario();
    if (!s) return StudyGroup::Cards;
    auto it = m_groups.find(s->id);
    return it == m_groups.end() ? StudyGroup::Cards : it->second;
}

const KnowledgeItem* Journey::knowledge() const {
    if (m_screen != Screen::KnowledgeBefore && m_screen != Screen::KnowledgeAfter) return nullptr;
    const Scenario* s = scenario();
    return s ? s->knowledge_item(m_steps[m_step].ref) : nullptr;
}

namespace {

Option option_of(std::string id, const LanguageContent& c, const char* word, std::string icon = {}) {
    return Option{std::move(id), c.word(word), std::move(icon)};
}

// A card as a reason to choose: its first sentence, which carries its point (the whole card
// was on screen a moment ago), so five of them fit beside each other on any screen.
std::string first_sentence(const std::string& text) {
    for (size_t i = 0; i + 1 < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') return text.substr(0, i + 1);
    return text;
}

}  // namespace

// The scenario's own questions are made from the pack's words each time: how sure (three
// points), a knowledge statement (true, false, don't know) and the reasons (the cards seen,
// in the order shown).
const Question* Journey::question() const {
    if (m_screen == Screen::Question) return content().question(m_steps[m_step].ref);
    const Scenario* s = scenario();
    if (!s || !asks_question(m_screen)) return nullptr;
    if (m_screen == Screen::FirstView || m_screen == Screen::SecondView) return content().question(s->question);
    const LanguageContent& c = content();
    Question& q = m_step_question;
    q = Question{};
    q.id = m_steps[m_step].ref;
    q.type = QuestionType::Single;
    if (m_screen == Screen::SureFirst || m_screen == Screen::SureSecond) {
        q.text = c.word("sure_question");
        q.help = c.word("sure_help");
        const auto& ids = sureness_ids();
        const char* words[] = {"sure_very", "sure_fairly", "sure_not"};
        for (size_t i = 0; i < ids.size(); ++i) q.options.push_back(option_of(ids[i], c, words[i]));
    } else if (const KnowledgeItem* k = knowledge()) {
        q.text = k->statement;
        q.help = c.word(m_screen == Screen::KnowledgeBefore ? "knowledge_not_a_test" : "knowledge_again");
        q.content_hash = k->content_hash;
        q.options = {option_of(kKnowledgeTrue, c, "knowledge_true", "check"),
                     option_of(kKnowledgeFalse, c, "knowledge_false", "cross"),
                     option_of(kKnowledgeDontKnow, c, "knowledge_dont_know", "question")};
    } else if (m_screen == Screen::Reasons) {
        q.type = QuestionType::Multi;
        q.text = c.word("reasons_question");
        q.help = c.word("reasons_help");
        // In the pack's order (not the order shown), so the stored choice does not depend on the shuffle.
        const auto seen_end = m_card_order.begin() + std::min<long>(m_cards_seen, static_cast<long>(m_card_order.size()));
        for (const auto& card : s->cards)
            if (std::find(m_card_order.begin(), seen_end, card.id) != seen_end)
                q.options.push_back(Option{card.id, first_sentence(card.text), card.icon});
        q.max_choices = static_cast<int>(q.options.size());
    } else {
        return nullptr;
    }
    return &q;
}

const Card* Journey::card() const {
    if (m_screen != Screen::Card) return nullptr;
    const Scenario* s = scenario();
    if (!s) return nullptr;
    for (const auto& c : s->cards)
        if (c.id == m_steps[m_step].ref) return &c;
    return nullptr;
}

int Journey::card_number() const {
    if (m_screen != Screen::Card) return 0;
    auto it = std::find(m_card_order.begin(), m_card_order.end(), m_steps[m_step].ref);
    return static_cast<int>(it - m_card_order.begin()) + 1;
}

int Journey::card_count() const { return static_cast<int>(m_card_order.size()); }

bool Journey::is_selected(const std::string& option_id) const {
    return std::find(m_draft.begin(), m_draft.end(), option_id) != m_draft.end();
}

int Journey::step_number() const {
    if (m_steps.empty() || m_screen == Screen::ThankYou) return 0;
    int n = 0;
    for (size_t i = 0; i <= m_step && i < m_steps.size(); ++i)
        if (step_visible(m_steps[i])) ++n;
    return n;
}

int Journey::step_count() const {
    int n = 0;
    for (const auto& s : m_steps)
        if (step_visible(s)) ++n;
    return n;
}

std::vector<Screen> Journey::step_screens() const {
    std::vector<Screen> out;
    out.reserve(m_steps.size());
    for (const auto& s : m_steps) out.push_back(s.screen);
    return out;
}

bool Journey::can_go_back() const {
    return m_screen != Screen::Attract && m_screen != Screen::Resting && m_screen != Screen::ThankYou;
}

bool Journey::can_skip() const { return asks_question(m_screen) || m_screen == Screen::Card; }

bool Journey::offers_next() const {
    return m_screen != Screen::Attract && m_screen != Screen::Topics && m_screen != Screen::ThankYou &&
           m_screen != Screen::Resting;
}

bool Journey::can_go_next() const {
    if (!offers_next()) return false;
    return !asks_question(m_screen) || !m_draft.empty() || !m_draft_text.empty();
}

int Journey::still_there_seconds_left(double now_monotonic) const {
    if (!m_still_there) return 0;
    const double left = m_still_there_since + m_config.still_there_seconds - now_monotonic;
    return std::max(0, static_cast<int>(std::ceil(left)));
}

double Journey::next_deadline() const {
    switch (m_screen) {
        case Screen::Attract:
        case Screen::Resting: return std::numeric_limits<double>::infinity();
        case Screen::ThankYou: return m_screen_since + m_config.thank_you_seconds;
        default: break;
    }
    if (m_still_there) return m_still_there_since + m_config.still_there_seconds;
    return m_last_activity + m_config.idle_seconds;
}

}  // namespace dv
