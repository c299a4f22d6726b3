#pragma once

// The raw pane's find bar: a field, match count, previous/next, match case, close.
// Enter finds the next match, Shift+Enter the previous one, Esc closes. The bar only asks;
// JsonTextView searches (it holds the bytes) and reports back with setStatus().

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace paytriage {

class JsonFindBar final : public QWidget
{
    Q_OBJECT
public:
    enum class Status {
        Empty,   // nothing typed
        Found,   // current/total are set (total 0 = not counted)
        NoMatch
    };

    explicit JsonFindBar(QWidget *parent = nullptr);

    QString needle() const;
    bool caseSensitive() const;
    // Shows the bar, focuses the field and selects its text (prefilled with text if not empty).
    void activate(const QString &text = QString());
    // current is 1-based; total 0 when not counted; capped when the count stopped early;
    // partial when only the first part of the text is loaded.
    void setStatus(Status status, int current = 0, int total = 0, bool capped = false, bool partial = false);
    void setColors(const QColor &noMatchBackground);

    QLineEdit *field() const { return m_field; }

Q_SIGNALS:
    void searchChanged();
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateStatusText();

    QLineEdit *m_field;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_matchCase;
    QToolButton *m_close;
    QColor m_noMatchBackground;
    Status m_statusKind = Status::Empty;
    int m_current = 0;
    int m_total = 0;
    bool m_capped = false;
    bool m_partial = false;
};

} // namespace paytriage
