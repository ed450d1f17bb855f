// What each frame drew where: every button and text block with its rectangle and the part not
// scrolled out of view. The UI fills it while drawing; input scripts tap widgets by id from it,
// read-aloud reads its text, and the layout tests dump it.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace dv {

struct WidgetInfo {
    std::string id;
    std::string kind;  // "button" or "text"
    ImVec2 min, max;
    bool overflow = false;  // its text does not fit inside it
    ImVec2 visible_min, visible_max;  // the part not scrolled out of view (empty if none)
    std::string text;                 // what it says, for read-aloud
    bool read = true;                 // part of the page read aloud (header and footer buttons are not)

    bool visible() const { return visible_max.x > visible_min.x && visible_max.y > visible_min.y; }
};

class WidgetRegistry {
public:
    void clear() { m_items.clear(); }
    // Records a widget drawn in the current ImGui window, with the part of it that is visible.
    void add(WidgetInfo info);
    void add(const std::string& id, const char* kind, ImVec2 min, ImVec2 max, const std::string& text = {},
             bool read = true) {
        WidgetInfo w;
        w.id = id, w.kind = kind, w.min = min, w.max = max, w.text = text, w.read = read;
        add(std::move(w));
    }
    const WidgetInfo* find(const std::string& id) const;
    const std::vector<WidgetInfo>& all() const { return m_items; }

private:
    std::vector<WidgetInfo> m_items;
};

}  // namespace dv
