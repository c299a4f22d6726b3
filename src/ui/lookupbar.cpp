#include "lookupbar.h"
#include "ui_lookupbar.h"

#include "severitystyle.h"

#include <QEvent>
#include <QLineEdit>
#include <QMenu>

namespace paytriage {

namespace {

enum KindChoice {
    ChoiceAuto,
    ChoiceOrderId,
    ChoicePaymentKey,
    ChoiceInApp
};

constexpr int maxRecent = 20;

} // namespace

LookupBar::LookupBar(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LookupBar>())
{
    m_ui->setupUi(this);
    m_ui->idEdit->lineEdit()->setPlaceholderText(tr("orderId or paymentKey — Ctrl+L"));
    m_ui->idEdit->lineEdit()->setClearButtonEnabled(true);
    m_ui->idEdit->setMaxVisibleItems(maxRecent);
    fillKinds();
    setKeyMode(KeyMode::Unknown);
    m_ui->userKeyEdit->hide();
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_ui->userKeyEdit->setVisible(m_ui->kindCombo->currentData().toInt() == ChoiceInApp); });
    connect(m_ui->userKeyEdit, &QLineEdit::returnPressed, this, &LookupBar::submit);
    connect(m_ui->idEdit->lineEdit(), &QLineEdit::returnPressed, this, &LookupBar::submit);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &LookupBar::submit);
    connect(m_ui->idEdit, &QComboBox::editTextChanged, this, &LookupBar::updateDetected);
    connect(m_ui->profileCombo, &QComboBox::currentTextChanged, this, &LookupBar::profileChanged);
}

LookupBar::~LookupBar() = default;

void LookupBar::fillKinds()
{
    const int current = m_ui->kindCombo->currentIndex();
    const QSignalBlocker block(m_ui->kindCombo);
    m_ui->kindCombo->clear();
    m_ui->kindCombo->addItem(QString(), ChoiceAuto);  // text set by updateDetected()
    m_ui->kindCombo->addItem(tr("orderId"), ChoiceOrderId);
    m_ui->kindCombo->addItem(tr("paymentKey"), ChoicePaymentKey);
    m_ui->kindCombo->addItem(tr("In-app orderId"), ChoiceInApp);
    m_ui->kindCombo->setCurrentIndex(current < 0 ? 0 : current);
    updateDetected();
}

void LookupBar::updateDetected()
{
    const QString id = m_ui->idEdit->currentText().trimmed();
    QString detected;
    if (!id.isEmpty())
        detected = detectIdKind(id) == IdKind::PaymentKey ? tr("paymentKey") : tr("orderId");
    m_ui->kindCombo->setItemText(0, detected.isEmpty() ? tr("Auto") : tr("Auto: %1").arg(detected));
}

void LookupBar::submit()
{
    const QString typed = m_ui->idEdit->currentText();
    if (typed.trimmed().isEmpty()) {
        focusInput();
        return;
    }
    // What was pasted, made into ids: a label, quotes, a URL or a sentence around the id taken away.
    const LookupInput input = parseLookupInput(typed);
    if (input.ids.isEmpty()) {
        Q_EMIT inputProblem(tr("No orderId or paymentKey in \"%1\": ids are 6 or more letters, digits, - and _.")
                                .arg(typed.trimmed().left(60)));
        focusInput();
        return;
    }
    if (input.ids.size() > 1) {
        offerIds(input.ids);
        return;
    }
    lookUpId(input.ids.front(), input.cleaned);
}

void LookupBar::lookUpId(const LookupInput::Id &id, bool cleaned)
{
    if (cleaned)
        m_ui->idEdit->setEditText(id.id);
    Query query = currentQuery();
    // A label or a URL said what the id is; the user's own choice of kind still wins.
    if (m_ui->kindCombo->currentData().toInt() == ChoiceAuto && id.kind != IdKind::Auto)
        query.kind = id.kind;
    addRecent(query.id);
    Q_EMIT lookupRequested(query);
    unpinnedKindBackToAuto();
}

void LookupBar::offerIds(const QList<LookupInput::Id> &ids)
{
    // Several ids pasted at once (a list from a ticket, a spreadsheet column): which one, or all
    // of them, a tab each.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("idChoiceMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(tr("%n ids were pasted: look up which?", nullptr, int(ids.size())));
    for (const LookupInput::Id &id : ids)
        menu->addAction(id.id, this, [this, id] { lookUpId(id, true); });
    menu->addSeparator();
    constexpr int maxTabs = 20;
    QAction *all = menu->addAction(tr("Look up all %n (a tab each)", nullptr, int(std::min<qsizetype>(ids.size(), maxTabs))),
                                   this, [this, ids] {
                                       for (qsizetype i = 0; i < ids.size() && i < maxTabs; ++i)
                                           lookUpId(ids[i], true);
                                   });
    all->setObjectName(QStringLiteral("lookUpAll"));
    menu->popup(m_ui->idEdit->mapToGlobal(QPoint(0, m_ui->idEdit->height())));
}

void LookupBar::unpinnedKindBackToAuto()
{
    // A kind chosen for one id (an in-app order, a paymentKey that looks like an orderId) is not
    // the kind of the next id typed: it returns to Auto unless the user keeps it.
    if (!m_ui->pinKindButton->isChecked())
        m_ui->kindCombo->setCurrentIndex(ChoiceAuto);
}

void LookupBar::requestLookup(const QString &id, IdKind kind, bool inApp)
{
    m_ui->idEdit->setEditText(id);
    m_ui->kindCombo->setCurrentIndex(inApp ? ChoiceInApp : ChoiceAuto);
    Query query = currentQuery();
    if (!inApp)
        query.kind = kind;  // known by the caller: no guess
    addRecent(id);
    Q_EMIT lookupRequested(query);
    unpinnedKindBackToAuto();
}

LookupBar::Query LookupBar::currentQuery() const
{
    Query query;
    query.id = m_ui->idEdit->currentText().trimmed();
    switch (m_ui->kindCombo->currentData().toInt()) {
    case ChoiceOrderId: query.kind = IdKind::OrderId; break;
    case ChoicePaymentKey: query.kind = IdKind::PaymentKey; break;
    case ChoiceInApp:
        query.inApp = true;
        query.kind = IdKind::OrderId;
        query.userKey = m_ui->userKeyEdit->text().trimmed();
        break;
    default: break;
    }
    query.profile = currentProfile();
    return query;
}

void LookupBar::setProfiles(const QStringList &names, const QString &current)
{
    const QSignalBlocker block(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItems(names);
    const int index = m_ui->profileCombo->findText(current);
    m_ui->profileCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_ui->profileCombo->setToolTip(names.isEmpty() ? tr("No merchant profile yet: add one in Settings, or start the demo.")
                                                   : QString());
}

QString LookupBar::currentProfile() const
{
    return m_ui->profileCombo->currentText();
}

QStringList LookupBar::profiles() const
{
    QStringList names;
    for (int i = 0; i < m_ui->profileCombo->count(); ++i)
        names << m_ui->profileCombo->itemText(i);
    return names;
}

void LookupBar::setKeyMode(KeyMode mode)
{
    m_mode = mode;
    QString text;
    int tone = -1;
    switch (mode) {
    case KeyMode::Test: text = tr("TEST"); tone = 0; break;
    case KeyMode::Live: text = tr("LIVE"); tone = 2; break;
    case KeyMode::Unknown: text = tr("NO KEY"); tone = 1; break;
    }
    m_ui->modeBadge->setText(text);
    m_ui->modeBadge->setToolTip(mode == KeyMode::Live ? tr("A live key: lookups read real payments (read-only).")
                                : mode == KeyMode::Test ? tr("A test key: lookups read test payments.")
                                                        : tr("This profile has no secret key stored."));
    m_ui->modeBadge->setStyleSheet(chipStyleSheet(severityColor(tone, palette()), palette()));
}

void LookupBar::setRecent(const QStringList &ids)
{
    const QString text = m_ui->idEdit->currentText();
    const QSignalBlocker block(m_ui->idEdit);
    m_ui->idEdit->clear();
    m_ui->idEdit->addItems(ids.mid(0, maxRecent));
    m_ui->idEdit->setEditText(text);
}

QStringList LookupBar::recent() const
{
    QStringList ids;
    for (int i = 0; i < m_ui->idEdit->count(); ++i)
        ids << m_ui->idEdit->itemText(i);
    return ids;
}

void LookupBar::addRecent(const QString &id)
{
    QStringList ids = recent();
    ids.removeAll(id);
    ids.prepend(id);
    setRecent(ids);
    m_ui->idEdit->setEditText(id);
}

QString LookupBar::text() const
{
    return m_ui->idEdit->currentText();
}

void LookupBar::focusInput()
{
    m_ui->idEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->idEdit->lineEdit()->selectAll();
}

void LookupBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->idEdit->lineEdit()->setPlaceholderText(tr("orderId or paymentKey — Ctrl+L"));
        fillKinds();
        setKeyMode(m_mode);
    } else if (event->type() == QEvent::PaletteChange) {
        setKeyMode(m_mode);
    }
    QWidget::changeEvent(event);
}

} // namespace paytriage
