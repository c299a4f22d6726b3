#include "jsonfindbar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace paytriage {

JsonFindBar::JsonFindBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_matchCase(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_next->setObjectName(QStringLiteral("findNext"));
    m_matchCase->setObjectName(QStringLiteral("findMatchCase"));
    m_close->setObjectName(QStringLiteral("findClose"));

    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_status->setTextInteractionFlags(Qt::NoTextInteraction);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Room for "9999 of 9999" so the buttons do not jump while typing.
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("9999 of 9999")));
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setArrowType(Qt::DownArrow);
    m_matchCase->setCheckable(true);
    m_matchCase->setText(QStringLiteral("Aa"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    for (QToolButton *button : {m_previous, m_next, m_matchCase})
        button->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    const int spacing = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    layout->setContentsMargins(spacing, spacing / 2, spacing, spacing / 2);
    layout->setSpacing(spacing);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_close);

    // Esc from any of the bar's controls, not only the field.
    auto *close = new QAction(this);
    close->setShortcut(QKeySequence(Qt::Key_Escape));
    close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(close);
    connect(close, &QAction::triggered, this, &JsonFindBar::closeRequested);

    connect(m_field, &QLineEdit::textChanged, this, &JsonFindBar::searchChanged);
    connect(m_matchCase, &QToolButton::toggled, this, &JsonFindBar::searchChanged);
    connect(m_previous, &QToolButton::clicked, this, &JsonFindBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &JsonFindBar::nextRequested);
    connect(m_close, &QToolButton::clicked, this, &JsonFindBar::closeRequested);

    retranslate();
}

QString JsonFindBar::needle() const
{
    return m_field->text();
}

bool JsonFindBar::caseSensitive() const
{
    return m_matchCase->isChecked();
}

void JsonFindBar::activate(const QString &text)
{
    show();
    if (!text.isEmpty())
        m_field->setText(text);
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void JsonFindBar::setColors(const QColor &noMatchBackground)
{
    m_noMatchBackground = noMatchBackground;
    updateStatusText();
}

void JsonFindBar::setStatus(Status status, int current, int total, bool capped, bool partial)
{
    m_statusKind = status;
    m_current = current;
    m_total = total;
    m_capped = capped;
    m_partial = partial;
    updateStatusText();
}

void JsonFindBar::updateStatusText()
{
    QString text;
    switch (m_statusKind) {
    case Status::Empty:
        break;
    case Status::NoMatch:
        text = m_partial ? tr("No match in the part shown") : tr("No match");
        break;
    case Status::Found:
        if (m_total <= 0)
            text = QString();
        else if (m_current <= 0)
            text = tr("%n match(es)", nullptr, m_total);
        else if (m_capped)
            text = tr("%1 of %2+").arg(m_current).arg(m_total);
        else
            text = tr("%1 of %2").arg(m_current).arg(m_total);
        break;
    }
    m_status->setText(text);
    m_status->setAccessibleName(text.isEmpty() ? tr("Matches") : text);

    // The field turns reddish when nothing matches; the label says it in words too.
    // Only Base is set, so the rest of the palette keeps following the view's (a theme change).
    QPalette palette;
    if (m_statusKind == Status::NoMatch && m_noMatchBackground.isValid())
        palette.setColor(QPalette::Base, m_noMatchBackground);
    m_field->setPalette(palette);
}

void JsonFindBar::retranslate()
{
    m_field->setPlaceholderText(tr("Find in raw JSON"));
    m_field->setAccessibleName(tr("Find in raw JSON"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_next->setAccessibleName(tr("Next match"));
    m_matchCase->setToolTip(tr("Match case"));
    m_matchCase->setAccessibleName(tr("Match case"));
    m_close->setToolTip(tr("Close find bar (Esc)"));
    m_close->setAccessibleName(tr("Close find bar"));
    setAccessibleName(tr("Find bar"));
    updateStatusText();
}

void JsonFindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool JsonFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT closeRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace paytriage
