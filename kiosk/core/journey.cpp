// The visitor journey state machine (states, transitions and invariants: journey.hpp).
#include "journey.hpp"

#include "text.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::Attract: return "attract";
        case Screen::Welcome: return "welcome";
        case Screen::Topics: return "topics";
        case Screen::Explainer: return "explainer";
        case Screen::Question: return "question";
        case Screen::ScenarioIntro: return "scenario";
        case Screen::FirstView: return "first_view";
        case Screen::Card: return "card";
        case Screen::SecondView: return "second_view";
        case Screen::SureFirst: return "sure_first";
        case Screen::SureSecond: return "sure_second";
        case Screen::KnowledgeBefore: return "knowledge_before";
        case Screen::KnowledgeAfter: return "knowledge_after";
        case Screen::Pause: return "pause";
        case Screen::Reasons: return "reasons";
        case Screen::KnowledgeAnswers: return "knowledge_answers";
        case Screen::Results: return "results";
        case Screen::Closing: return "closing";
        case Screen::ThankYou: return "thank_you";
        case Screen::Resting: return "resting";
    }
    return "attract";
}

bool in_scenario(Screen s) {
    switch (s) {
        case Screen::ScenarioIntro:
        case Screen::FirstView:
        case Screen::SureFirst:
        case Screen::KnowledgeBefore:
        case Screen::Card:
        case Screen::Pause:
        case Screen::SecondView:
        case Screen::SureSecond:
        case Screen::Reasons:
        case Screen::KnowledgeAfter:
        case Screen::KnowledgeAnswers: return true;
        default: return false;
    }
}

bool asks_question(Screen s) {
    switch (s) {
        case Screen::Question:
        case Screen::FirstView:
        case Screen::SecondView:
        case Screen::SureFirst:
        case Screen::SureSecond:
        case Screen::KnowledgeBefore:
        case Screen::KnowledgeAfter:
        case Screen::Reasons: return true;
        default: return false;
    }
}

TextSize text_size_from_name(const std::string& name) {
    if (name == "large") return TextSize::Large;
    if (name == "extra_large") return TextSize::ExtraLarge;
    return TextSize::Standard;
}

namespace {

std::vector<std::string> shuffle_secure(std::vector<std::string> items) {
    if (sodium_init() < 0) return items;
    for (size_t i = items.size(); i > 1; --i) {
        const size_t j = randombytes_uniform(static_cast<uint32_t>(i));
        std::swap(items[i - 1], items[j]);
    }
    return items;
}

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

}  // namespace

Journey::Journey(const JourneyConfig& config) : m_config(config) {
    m_language = m_config.pack->default_language;
    m_text_size = m_config.default_text_size;
    m_read_aloud = m_config.default_read_aloud;
    if (!m_config.shuffle_cards) m_config.shuffle_cards = shuffle_secure;
    if (!m_config.draw_percent) m_config.draw_percent = secure_percent_draw;
}

const LanguageContent& Journey::content() const {
    const LanguageContent* l = m_config.pack->language(m_language);
    return l ? *l : m_config.pack->default_content();
}

// --- Steps --------------------------------------------------------------------------------

Phase Journey::phase_of(const Step& s) {
    switch (s.screen) {
        case Screen::FirstView: return Phase::First;
        case Screen::SecondView: return Phase::Second;
        case Screen::SureFirst: return Phase::SureFirst;
        case Screen::SureSecond: return Phase::SureSecond;
        case Screen::KnowledgeBefore: return Phase::KnowledgeBefore;
        case Screen::KnowledgeAfter: return Phase::KnowledgeAfter;
        case Screen::Reasons: return Phase::Reasons;
        default: return Phase::Plain;
    }
}

// The views are stored on the scenario's question; knowledge answers on the statement; how
// sure and the reasons on the scenario (its id is the step's ref for all of these).
AnswerKey Journey::answer_key(const Step& s) const {
    const Scenario* sc = scenario();
    if (s.screen == Screen::FirstView || s.screen == Screen::SecondView)
        return {sc ? sc->question : std::string(), phase_of(s)};
    return {s.ref, phase_of(s)};
}

bool Journey::step_visible(const Step& s) const {
    if (s.screen != Screen::Question) return true;
    const Question* q = content().question(s.ref);
    if (!q || !q->show_if) return true;
    auto it = m_answers.find(AnswerKey{q->show_if->question});
    if (it == m_answers.end()) return false;
    for (const auto& chosen : it->second)
        if (std::find(q->show_if->any_of.begin(), q->show_if->any_of.end(), chosen) != q->show_if->any_of.end())
            return true;
    return false;
}

void Journey::choose_topic(const std::string& id) {
    const Topic* t = content().topic(id);
    if (!t) return;
    m_topic = id;
    m_steps.clear();
    for (const auto& e : t->explainers) m_steps.push_back({Screen::Explainer, e});
    // Questions about the visitor come last, and only once per visit however many topics.
    std::vector<Step> about_you;
    for (const auto& qid : t->questions) {
        const Question* q = content().question(qid);
        if (q && q->type == QuestionType::FreeText && !pack().privacy.free_text) continue;
        if (q && q->about_you) {
            if (!m_about_you_asked.count(qid)) about_you.push_back({Screen::Question, qid});
            continue;
        }
        m_steps.push_back({Screen::Question, qid});
    }
    scenario_steps();
    if (const Scenario* s = scenario()) m_steps.push_back({Screen::Results, s->id});
    for (const auto& step : about_you) {
        m_steps.push_back(step);
        m_about_you_asked.insert(step.ref);
    }
    const std::string& closing = pack().closing_explainer;
    if (!closing.empty() && std::find(t->explainers.begin(), t->explainers.end(), closing) == t->explainers.end())
        m_steps.push_back({Screen::Closing, closing});
    m_step = 0;
    enter_step(0);
}

// The scenario's own steps, for this visit's study group (journey.hpp draws them): the cards
// come in a fresh shuffled order each time the scenario is started.
void Journey::scenario_steps() {
    m_card_order.clear();
    m_cards_seen = 0;
    m_card_times.clear();
    m_card_seconds.clear();
    const Scenario* s = scenario();
    if (!s) return;
    if (!m_groups.count(s->id))  // invariant 9: once per visit
        m_groups[s->id] = facilitated() ? StudyGroup::Cards : assign_group(s->comparison_percent, m_config.draw_percent);
    const bool cards = m_groups[s->id] == StudyGroup::Cards;
    m_steps.push_back({Screen::ScenarioIntro, s->id});
    m_steps.push_back({Screen::FirstView, s->id});
    m_steps.push_back({Screen::SureFirst, s->id});
    for (const auto& k : s->knowledge) m_steps.push_back({Screen::KnowledgeBefore, k.id});
    if (cards) {
        std::vector<std::string> ids;
        for (const auto& c : s->cards) ids.push_back(c.id);
        m_card_order = m_config.shuffle_cards(ids);
        for (const auto& c : m_card_order) m_steps.push_back({Screen::Card, c});
    } else {
        m_steps.push_back({Screen::Pause, s->id});
    }
    m_steps.push_back({Screen::SecondView, s->id});
    m_steps.push_back({Screen::SureSecond, s->id});
    if (cards) m_steps.push_back({Screen::Reasons, s->id});
    for (const auto& k : s->knowledge) m_steps.push_back({Screen::KnowledgeAfter, k.id});
    if (!s->knowledge.empty()) m_steps.push_back({Screen::KnowledgeAnswers, s->id});
}

void Journey::enter_step(size_t index) {
    m_step = index;
    m_screen = m_steps[index].screen;
    m_screen_since = m_last_activity;
    m_card_time_noted = false;
    if (m_screen == Screen::Card) {
        m_cards_seen = std::max(m_cards_seen, card_number());
        const std::string& id = m_steps[index].ref;
        if (std::none_of(m_card_times.begin(), m_card_times.end(), [&](const CardTime& t) { return t.first == id; }))
            m_card_times.emplace_back(id, TimeBand::Under3s);
    }
    load_draft();
}

void Journey::load_draft() {
    wipe_drafts();
    if (!asks_question(m_screen)) return;
    auto it = m_answers.find(answer_key(m_steps[m_step]));
    if (it == m_answers.end()) return;
    const Question* q = question();
    if (q && q->type == QuestionType::FreeText)
        m_draft_text = it->second.empty() ? std::string() : it->second.front();
    else
        m_draft = it->second;
}

void Journey::wipe_drafts() {
    for (auto& d : m_draft) wipe(d);
    m_draft.clear();
    wipe(m_draft_text);
}

// Time on a card adds up over every time the visitor is on it; only its band is kept.
void Journey::note_card_time() {
    if (m_screen != Screen::Card || m_card_time_noted || m_step >= m_steps.size()) return;
    m_card_time_noted = true;
    const std::string& id = m_steps[m_step].ref;
    const double seconds = (m_card_seconds[id] += std::max(0.0, m_last_activity - m_screen_since));
    for (auto& t : m_card_times)
        if (t.first == id) t.second = time_band(seconds);
}

void Journey::advance() {
    note_card_time();
    for (size_t i = m_step + 1; i < m_steps.size(); ++i) {
        if (step_visible(m_steps[i])) {
            enter_step(i);
            return;
        }
    }
    finish();
}

void Journey::retreat() {
    note_card_time();
    for (size_t i = m_step; i-- > 0;) {
        if (step_visible(m_steps[i])) {
            enter_step(i);
            return;
        }
    }
    wipe_drafts();
    m_screen = facilitated() ? Screen::Welcome : Screen::Topics;
    m_steps.clear();
    m_topic.clear();
}

void Journey::finish() {
    wipe_drafts();
    m_screen = Screen::ThankYou;
    m_screen_since = m_last_activity;
}

// LeaveConfirmed: keep what the visitor chose on this screen (or the cards they saw), then
// show how to opt out before thanking them (invariant 10).
void Journey::leave() {
    const bool chosen = asks_question(m_screen) && (!m_draft.empty() || !m_draft_text.empty());
    if (chosen || m_screen == Screen::Card) {
        m_leave_after_commit = true;
        request_commit(false);
        if (m_pending) return;
    }
    m_leave_after_commit = false;
    show_closing_or_finish();
}

void Journey::show_closing_or_finish() {
    const std::string& closing = pack().closing_explainer;
    const bool on_closing = (m_screen == Screen::Closing || m_screen == Screen::Explainer) && current_step() &&
                            current_step()->ref == closing;
    if (facilitated() || closing.empty() || !content().explainer(closing) || on_closing) {
        finish();
        return;
    }
    note_card_time();
    // The topic's own closing step when it is still ahead (the steps between are passed over)...
    for (size_t i = m_steps.empty() ? 0 : m_step + 1; i < m_steps.size(); ++i) {
        if (m_steps[i].ref == closing && (m_steps[i].screen == Screen::Closing || m_steps[i].screen == Screen::Explainer)) {
            enter_step(i);
            return;
        }
    }
    // ...else (the welcome screen, the topic list, a topic that showed it first) on its own.
    m_steps = {{Screen::Closing, closing}};
    enter_step(0);
}

// --- Commits ------------------------------------------------------------------------------

void Journey::request_commit(bool skipped) {
    const Step& step = m_steps[m_step];
    PendingCommit pc;
    pc.session = m_session;
    pc.session.language = m_language;
    m_pending_values.clear();
    add_scenario_records(pc);
    if (step.screen == Screen::Card) {
        // Leaving the perspective cards: record the order shown, how many were seen and how
        // long each was on screen (as a band), and whether every one went by in under 3 s.
        note_card_time();
        const Scenario* s = scenario();
        const std::string id = s ? s->id : step.ref;
        pc.answers.push_back({id, phase_name(Phase::CardOrder), join(m_card_order, ","), {}, false});
        pc.answers.push_back({id, phase_name(Phase::CardsSeen), std::to_string(m_cards_seen), {}, false});
        pc.answers.push_back({id, phase_name(Phase::CardTimes), encode_card_times(m_card_times), {}, false});
        if (too_fast(m_card_times)) pc.answers.push_back({id, phase_name(Phase::TooFast), "1", {}, false});
        m_pending_key.reset();
    } else {
        const Question* q = question();
        if (!q) return;
        AnswerRecord a;
        a.question_id = q->id;
        a.phase = phase_name(phase_of(step));
        a.content_hash = q->content_hash;
        if (a.content_hash.empty()) a.content_hash = question_hash(*q);  // how sure, reasons
        a.skipped = skipped;
        if (!skipped) {
            if (q->type == QuestionType::FreeText) {
                a.value = scrub_free_text(m_draft_text, static_cast<size_t>(q->max_length));
                m_pending_values = {a.value};
            } else {
                // Store options in the order the pack lists them, whatever order they were tapped.
                for (const auto& o : q->options)
                    if (is_selected(o.id)) m_pending_values.push_back(o.id);
                a.value = join(m_pending_values, ";");
            }
        }
        m_pending_key = answer_key(step);
        pc.answers.push_back(std::move(a));
    }
    m_pending = std::move(pc);
}

// The first commit of a visit in a scenario also records its study group (invariant 9).
void Journey::add_scenario_records(PendingCommit& pc) {
    const Scenario* s = scenario();
    if (!s || !in_scenario(m_screen) || m_group_recorded.count(s->id) || !m_groups.count(s->id)) return;
    m_group_recorded.insert(s->id);
    pc.answers.push_back({s->id, phase_name(Phase::Group), study_group_name(m_groups.at(s->id)), {}, false});
}

void Journey::on_committed() {
    if (!m_pending) return;
    m_pending.reset();
    if (m_pending_key) {
        if (m_pending_values.empty())
            m_answers.erase(*m_pending_key);
        else
            m_answers[*m_pending_key] = m_pending_values;
    }
    m_pending_values.clear();
    m_pending_key.reset();
    if (m_leave_after_commit) {
        m_leave_after_commit = false;
        show_closing_or_finish();
    } else {
        advance();
    }
}

// --- Events -------------------------------------------------------------------------------

void Journey::reset() {
    wipe_drafts();
    for (auto& [key, values] : m_answers)
        for (auto& v : values) wipe(v);
    const JourneyConfig config = m_config;
    *this = Journey(config);
}

void Journey::begin(const Now& now) {
    m_session = SessionInfo{};
    m_session.session_id = new_session_id();
    m_session.pack_id = pack().id;
    m_session.pack_version = pack().version;
    m_session.pack_hash = pack().hash;
    m_session.stamp = stamp_visit(now.local, now.clock_trusted, now.boot);
    m_screen = Screen::Welcome;
}

void Journey::begin_facilitated(const std::string& scenario_id, const Now& now) {
    reset();
    if (!content().scenario(scenario_id)) return;
    m_last_activity = now.monotonic;
    begin(now);
    m_session.mode = "facilitator";  // invariant 8
    m_facilitated = scenario_id;
}

void Journey::handle(const Event& e, const Now& now) {
    using K = Event::Kind;
    switch (e.kind) {
        case K::Committed: on_committed(); return;
        case K::CommitFailed:  // invariant 2
            m_pending.reset();
            m_leave_after_commit = false;
            m_leave_asking = false;
            wipe_drafts();
            m_screen = Screen::Resting;
            m_still_there = false;
            return;
        case K::StoreRecovered:
            if (m_screen == Screen::Resting) reset();
            return;
        default: break;
    }
    if (m_pending || m_screen == Screen::Resting) return;  // invariant 1

    m_last_activity = now.monotonic;
    if (m_still_there) {
        m_still_there = false;
        if (e.kind == K::StillHere) return;
    }
    if (m_leave_asking) {  // "Leave now?" takes only its own answers
        if (e.kind == K::LeaveConfirmed || e.kind == K::LeaveCancelled) {
            m_leave_asking = false;
            if (e.kind == K::LeaveConfirmed) leave();
        }
        return;
    }

    switch (e.kind) {
        case K::Start:
            if (m_screen == Screen::Attract) begin(now);
            break;
        case K::ChooseLanguage:
            if (m_config.pack->language(e.id)) m_language = e.id;
            break;
        case K::ChooseTextSize:
            m_text_size = e.size;
            break;
        case K::ChooseContrast: m_high_contrast = e.on; break;
        case K::ChooseReadAloud: m_read_aloud = e.on; break;
        case K::ChooseTopic:
            if (m_screen == Screen::Topics && !facilitated()) choose_topic(e.id);
            break;
        case K::Toggle: {
            const Question* q = question();
            if (!q || !q->option(e.id)) break;
            if (q->type == QuestionType::Multi) {
                auto it = std::find(m_draft.begin(), m_draft.end(), e.id);
                if (it != m_draft.end()) {
                    m_draft.erase(it);
                } else {
                    // An exclusive option ("None of these") and any other never stand together:
                    // choosing one clears what it cannot go with.
                    const bool exclusive = q->option(e.id)->exclusive;
                    m_draft.erase(std::remove_if(m_draft.begin(), m_draft.end(),
                                                 [&](const std::string& id) {
                                                     const Option* o = q->option(id);
                                                     return exclusive || (o && o->exclusive);
                                                 }),
                                  m_draft.end());
                    if (static_cast<int>(m_draft.size()) < q->max_choices) m_draft.push_back(e.id);
                }
            } else {
                m_draft = {e.id};
            }
            break;
        }
        case K::SetText: {
            const Question* q = question();
            if (!q || q->type != QuestionType::FreeText) break;
            wipe(m_draft_text);
            m_draft_text = e.text;
            const auto cps = decode_utf8(m_draft_text);
            if (static_cast<int>(cps.size()) > q->max_length) {
                std::string capped;
                for (int i = 0; i < q->max_length; ++i) append_utf8(capped, cps[i]);
                wipe(m_draft_text);
                m_draft_text = std::move(capped);
            }
            break;
        }
        case K::Next:
            if (!can_go_next()) break;  // invariant 5: as the greyed-out button on screen
            if (m_screen == Screen::Welcome && facilitated()) {
                m_steps.clear();
                scenario_steps();
                if (!m_steps.empty()) enter_step(0);
            } else if (m_screen == Screen::Welcome) {
                m_screen = Screen::Topics;
            } else if (asks_question(m_screen)) {
                request_commit(false);
            } else if (m_screen == Screen::Card && card_number() == card_count()) {
                request_commit(false);  // the last card: the cards' records go with leaving it
            } else if (!m_steps.empty() && m_screen != Screen::Topics && m_screen != Screen::ThankYou) {
                advance();
            }
            break;
        case K::Skip:
            if (asks_question(m_screen))
                request_commit(true);
            else if (m_screen == Screen::Card && card_number() == card_count())
                request_commit(false);  // Skip passes over one card; on the last it moves on as Next does
            else if (!m_steps.empty() && m_screen != Screen::Topics && m_screen != Screen::ThankYou)
                advance();
            break;
        case K::Back:
            if (m_screen == Screen::Welcome)
                reset();
            else if (m_screen == Screen::Topics)
                m_screen = Screen::Welcome;
            else if (can_go_back() && !m_steps.empty())
                retreat();
            break;
        case K::Finish:
            if (m_screen == Screen::Attract) break;
            if (m_screen == Screen::ThankYou) {  // "Finish" on thank you: ready for the next person
                reset();
                break;
            }
            m_leave_asking = true;  // asked once; LeaveConfirmed keeps what was chosen (leave())
            break;
        case K::AnotherTopic:
            if (m_screen == Screen::ThankYou && !facilitated()) {
                m_screen = Screen::Topics;
                m_steps.clear();
                m_topic.clear();
            }
            break;
        default: break;
    }
}

void Journey::tick(const Now& now) {
    const double t = now.monotonic;
    switch (m_screen) {
        case Screen::Attract:
        case Screen::Resting: return;
        case Screen::ThankYou:
            if (t - m_screen_since >= m_config.thank_you_seconds) reset();
            return;
        default: break;
    }
    if (m_pending) return;
    if (!m_still_there && t - m_last_activity >= m_config.idle_seconds) {  // invariant 6
        m_still_there = true;
        m_still_there_since = t;
    }
    if (m_still_there && t - m_still_there_since >= m_config.still_there_seconds) reset();
}

}  // namespace dv
