#pragma once

// What the user has selected in a case: a place in one document (a JSON pointer). Panes never
// talk to each other: each one tells the SelectionMediator what the user picked, and follows
// what the mediator announces (see the house style, "linked panes through one mediator").

#include <QMetaType>
#include <QObject>

#include <cstddef>
#include <string>
#include <utility>

namespace paytriage {

struct Selection
{
    // A default-constructed Selection is "nothing selected"; the two-argument constructor makes
    // a set one, so Selection{document, pointer} reads naturally. Assigning document/pointer on
    // a default one does NOT set it: say isSet = true (or construct it with both).
    Selection() = default;
    Selection(std::size_t document, std::string pointer)
        : document(document)
        , pointer(std::move(pointer))
        , isSet(true)
    {
    }

    std::size_t document = 0;
    std::string pointer;      // JSON pointer in that document; "" = the document itself
    bool isSet = false;

    bool valid() const { return isSet; }

    // All unset selections are equal, whatever their stale document/pointer say.
    friend bool operator==(const Selection &a, const Selection &b)
    {
        return a.isSet == b.isSet && (!a.isSet || (a.document == b.document && a.pointer == b.pointer));
    }
};

// Holds the case's current selection and fans it out. select() with the current selection does
// nothing, and neither does a select() made while selectionChanged is being emitted: a pane
// that follows a selection (and so changes its own current item) cannot bounce it back, so
// linked panes never loop. origin is who asked (a pane, or nullptr), passed through so a pane
// can skip following its own selection.
class SelectionMediator final : public QObject
{
    Q_OBJECT
public:
    explicit SelectionMediator(QObject *parent = nullptr);

    const Selection &current() const { return m_current; }
    void select(const Selection &selection, const QObject *origin);
    void clear(const QObject *origin) { select(Selection(), origin); }

Q_SIGNALS:
    void selectionChanged(const paytriage::Selection &selection, const QObject *origin);

private:
    Selection m_current;
    bool m_emitting = false;
};

} // namespace paytriage

Q_DECLARE_METATYPE(paytriage::Selection)
