#include "summarypane.h"
#include "ui_summarypane.h"

#include "badgedelegate.h"
#include "net/profile.h"
#include "casewords.h"
#include "severitystyle.h"
#include "util/money.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QStyle>

#include <algorithm>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

SummaryPane::SummaryPane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_ui(std::make_unique<Ui::SummaryPane>())
{
    m_ui->setupUi(this);
    m_ui->bannerFrame->hide();
    m_ui->repairsLabel->hide();
    CaseSession *s = session();
    connect(m_ui->copyOrderIdButton, &QToolButton::clicked, this, [this] { copy(m_ui->orderIdValue->text(), tr("order ID")); });
    connect(m_ui->copyPaymentKeyButton, &QToolButton::clicked, this,
            [this] { copy(m_ui->paymentKeyValue->text(), tr("payment key")); });
    // The whole case for a ticket, from anywhere in the case (the case view adds the action).
    m_copySummary = new QAction(this);
    m_copySummary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copySummary->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copySummary, &QAction::triggered, this, [this] { copy(caseTicketSummary(*session(), language()), tr("summary")); });
    connect(m_ui->copySummaryButton, &QPushButton::clicked, m_copySummary, &QAction::trigger);
    connect(m_ui->cancelButton, &QPushButton::clicked, s, &CaseSession::cancel);
    connect(m_ui->refreshButton, &QPushButton::clicked, s, &CaseSession::refresh);
    connect(m_ui->retryButton, &QPushButton::clicked, s, &CaseSession::refresh);
    connect(m_ui->lookUpLiveButton, &QPushButton::clicked, this, [this] {
        const CaseFacts &facts = snapshot().facts;
        if (!facts.paymentKey.empty())
            Q_EMIT links()->lookUpLiveRequested(qs(facts.paymentKey), IdKind::PaymentKey);
        else if (!facts.orderId.empty())
            Q_EMIT links()->lookUpLiveRequested(qs(facts.orderId), IdKind::OrderId);
    });
    connect(m_ui->explainButton, &QPushButton::clicked, this, [this] {
        if (const auto request = session()->failedRequest(); request && !request->code.empty())
            Q_EMIT links()->errorCodeRequested(qs(request->code));
    });
    connect(m_ui->editTextButton, &QPushButton::clicked, this, [this] {
        const CaseSnapshot &snap = snapshot();
        const std::string &text = session()->inputText().empty() && snap.rawText ? *snap.rawText : session()->inputText();
        Q_EMIT links()->editTextRequested(session()->title(), QString::fromStdString(text));
    });
    // "answer:N" shows in the raw pane what source N sent back.
    for (QLabel *label : {m_ui->paymentSource, m_ui->transactionsSource, m_ui->settlementsSource, m_ui->iapSource})
        connect(label, &QLabel::linkActivated, this, [this](const QString &link) {
            if (link.startsWith(QLatin1String("answer:")))
                Q_EMIT links()->answerRequested(static_cast<Source>(link.mid(7).toInt()));
        });
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &SummaryPane::updateSources);
    retranslate();
}

SummaryPane::~SummaryPane() = default;

QList<QAction *> SummaryPane::caseActions() const
{
    return {m_copySummary};
}

void SummaryPane::copy(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT links()->copied(what);
}

void SummaryPane::showSnapshot(const CaseSnapshot &)
{
    updateRepairs();
    updateHeadline();
    updateSources();
}

void SummaryPane::showState()
{
    updateHeadline();
    updateSources();
    updateBanner();
}

void SummaryPane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    retranslate();
}

void SummaryPane::restyle()
{
    updateHeadline();
    updateBanner();
}

void SummaryPane::retranslate()
{
    m_ui->retranslateUi(this);
    m_copySummary->setText(tr("Copy summary"));
    updateHeadline();
    updateSources();
    updateBanner();
    updateRepairs();
}

QString SummaryPane::sourceText(Source source) const
{
    const CaseSession::SourceStatus &s = session()->status(source);
    QString name;
    switch (source) {
    case Source::Payment: name = tr("Payment"); break;
    case Source::Transactions: name = tr("Transactions"); break;
    case Source::Settlements: name = tr("Settlements"); break;
    case Source::IapOrderStatus: name = tr("In-app order status"); break;
    }
    switch (s.state) {
    case CaseSession::SourceState::Idle: return {};
    case CaseSession::SourceState::Running: {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        if (s.retryAtMs > now) {
            const int seconds = int((s.retryAtMs - now + 999) / 1000);
            return (s.retryAfter ? tr("%1: attempt %2 of %3, next in %4 s (Retry-After)") : tr("%1: attempt %2 of %3, next in %4 s"))
                .arg(name)
                .arg(s.attempt)
                .arg(s.maxAttempts)
                .arg(seconds);
        }
        const int elapsed = int((now - session()->startedAtMs()) / 1000);
        if (s.pages > 0)
            return tr("%1: %2 page(s), %n record(s) so far, %3 s", nullptr, s.records).arg(name).arg(s.pages).arg(elapsed);
        if (s.attempt > 0)
            return tr("%1: attempt %2 of %3…").arg(name).arg(s.attempt).arg(s.maxAttempts);
        return elapsed >= 2 ? tr("%1: fetching… %2 s").arg(name).arg(elapsed) : tr("%1: fetching…").arg(name);
    }
    case CaseSession::SourceState::Done: return tr("%1: ✓ %n record(s)", nullptr, s.records).arg(name);
    case CaseSession::SourceState::Failed: return tr("%1: ✗ failed").arg(name);
    case CaseSession::SourceState::Canceled: return tr("%1: canceled").arg(name);
    }
    return {};
}

void SummaryPane::updateSources()
{
    const bool lookup = session()->isLookup();
    const std::pair<QLabel *, Source> labels[] = {{m_ui->paymentSource, Source::Payment},
                                                  {m_ui->transactionsSource, Source::Transactions},
                                                  {m_ui->settlementsSource, Source::Settlements},
                                                  {m_ui->iapSource, Source::IapOrderStatus}};
    for (const auto &[label, source] : labels) {
        QString text = lookup ? sourceText(source).toHtmlEscaped() : QString();
        if (const auto &error = session()->status(source).error; lookup && error && error->received)
            text += QStringLiteral(" <a href=\"answer:%1\">%2</a>").arg(static_cast<int>(source)).arg(tr("show what came back"));
        label->setText(text);
        label->setVisible(!text.isEmpty());
        if (const auto &error = session()->status(source).error)
            label->setToolTip(error->describe());
        else
            label->setToolTip({});
    }
    if (!lookup) {
        const CaseSnapshot &snap = snapshot();
        m_ui->paymentSource->setText(snap.documents ? tr("%n document(s) from the text", nullptr, int(snap.documents->size()))
                                                    : (session()->busy() ? tr("Analysing…") : QString()));
        m_ui->paymentSource->setVisible(!m_ui->paymentSource->text().isEmpty());
    }
    const bool busy = session()->busy();
    // While something is fetched, the labels count the seconds and the wait before a retry.
    if (busy && !m_ticker.isActive())
        m_ticker.start();
    else if (!busy)
        m_ticker.stop();
    m_ui->busyBar->setVisible(busy);
    m_ui->cancelButton->setVisible(busy);
    m_ui->refreshButton->setEnabled(!busy);
}

QString SummaryPane::notFoundAdvice() const
{
    // What the lookup took the id for, and which key asked: the two reasons a payment that exists
    // is not found.
    const CaseSession::LookupRequest &lookup = *session()->lookup();
    const IdKind kind = lookup.kind == IdKind::Auto ? detectIdKind(lookup.id) : lookup.kind;
    QString asKind = kind == IdKind::PaymentKey
        ? tr("It was looked up as a paymentKey; if it is the merchant's order number, choose orderId as the kind.")
        : tr("It was looked up as an orderId; if it is a paymentKey (the long key Toss issued), choose paymentKey as the kind.");
    switch (keyModeOf(lookup.config.secretKey)) {
    case KeyMode::Test:
        return asKind + QLatin1Char(' ')
               + tr("The profile's key is a test key: payments made with the live key (real customers) are not visible to it.");
    case KeyMode::Live:
        return asKind + QLatin1Char(' ')
               + tr("The profile's key is a live key: payments made in the test environment are not visible to it.");
    case KeyMode::Unknown:
        break;
    }
    return asKind + QLatin1Char(' ') + tr("A key sees only the payments of its own MID: check that this profile is the merchant that took it.");
}

void SummaryPane::updateBanner()
{
    const QString failure = session()->failure();
    m_ui->bannerFrame->setVisible(!failure.isEmpty());
    if (failure.isEmpty())
        return;
    m_ui->bannerIcon->setPixmap(severityIcon(caseSeverity(*session()), palette()).pixmap(style()->pixelMetric(QStyle::PM_LargeIconSize)));
    QString html = QStringLiteral("<b>%1</b>").arg(esc(failure));
    const auto request = session()->failedRequest();
    bool known = false;
    if (request && !request->code.empty()) {
        if (const Json *entry = catalog().error(request->code)) {
            known = true;
            const QString meaning = Catalog::text(*entry, "meaning").qIn(language());
            const QString check = Catalog::text(*entry, "check").qIn(language());
            html += QStringLiteral("<br>%1").arg(esc(meaning));
            if (!check.isEmpty())
                html += QStringLiteral("<br><i>%1</i> %2").arg(esc(tr("What to check:")), esc(check));
        }
    }
    if (request && session()->isLookup() && (request->code == "NOT_FOUND_PAYMENT" || (request->code.empty() && request->httpStatus == 404)))
        html += QStringLiteral("<br>%1").arg(esc(notFoundAdvice()));
    // A snapshot of the history is read-only: it is shown as kept, not edited.
    const bool text = !session()->isLookup() && !session()->stored();
    if (text)
        html += QStringLiteral("<br>%1").arg(esc(tr("Your text is kept: edit it and analyse again, or fix the place marked in the raw pane.")));
    m_ui->bannerText->setText(html);
    m_ui->explainButton->setVisible(known);
    m_ui->editTextButton->setVisible(text);
    m_ui->retryButton->setVisible(session()->isLookup());
}

void SummaryPane::updateHeadline()
{
    const CaseSnapshot &snap = snapshot();
    const CaseFacts &facts = snap.facts;  // computed in core when the snapshot was made
    QString orderId = qs(facts.orderId);
    QString paymentKey = qs(facts.paymentKey);
    QString chip;
    int tone = -1;
    const auto money = [this, &facts](double value) { return qs(formatMoney(value, facts.currency, language())); };
    if (facts.kind == DocumentKind::Payment || facts.kind == DocumentKind::Transactions) {
        chip = qs(facts.status);
        // A virtual account canceled before its deposit moved no money: not a "full cancel".
        const bool neverPaid = std::any_of(snap.analysis.findings.begin(), snap.analysis.findings.end(),
                                           [](const Finding &f) { return f.rule == "vbank-cancel-without-deposit"; });
        if (neverPaid && facts.status == "CANCELED")
            chip += QStringLiteral(" · ") + tr("canceled before deposit");
        else if (!facts.statusLabel.empty())
            chip += QStringLiteral(" · ") + facts.statusLabel.qIn(language());
        tone = BadgeDelegate::statusTone(qs(facts.status));
        m_ui->methodLabel->setText(facts.methodLabel.empty() ? qs(facts.method) : facts.methodLabel.qIn(language()));
        QString amounts;
        if (facts.totalAmount)
            amounts = tr("Total %1").arg(money(*facts.totalAmount));
        if (facts.balanceAmount && facts.totalAmount && *facts.balanceAmount != *facts.totalAmount)
            amounts += QStringLiteral(" · ") + tr("balance %1").arg(money(*facts.balanceAmount));
        m_ui->amountLabel->setText(amounts);
        m_ui->orderNameLabel->setText(qs(facts.orderName));
        m_ui->apiVersionLabel->setText(facts.apiVersion.empty() ? QString() : tr("API %1").arg(qs(facts.apiVersion)));
    } else if (facts.kind == DocumentKind::IapOrderStatus) {
        chip = qs(facts.status);
        if (!facts.statusLabel.empty())
            chip += QStringLiteral(" · ") + facts.statusLabel.qIn(language());
        // A value the guide does not list (seed 002) reads as "look again", not as settled.
        tone = catalog().enumValue("iap.status", facts.status) && !catalog().isNewerEnumValue("iap.status", facts.status) ? -1 : 1;
        m_ui->methodLabel->setText(tr("In-app purchase"));
        m_ui->amountLabel->setText(facts.totalAmount ? money(*facts.totalAmount) : QString());
        m_ui->orderNameLabel->setText(qs(facts.orderName));
        m_ui->apiVersionLabel->clear();
    } else {
        m_ui->methodLabel->clear();
        m_ui->amountLabel->clear();
        m_ui->orderNameLabel->clear();
        m_ui->apiVersionLabel->clear();
        if (session()->isLookup())
            chip = session()->state() == CaseSession::State::Complete ? tr("No payment") : caseStateText(*session());
        else if (snap.documents)
            chip = tr("%n document(s)", nullptr, int(snap.documents->size()));
        if (session()->isLookup()) {
            const auto &lookup = *session()->lookup();
            const IdKind kind = lookup.kind == IdKind::Auto ? detectIdKind(lookup.id) : lookup.kind;
            (kind == IdKind::PaymentKey ? paymentKey : orderId) = lookup.id;
        }
    }
    m_ui->statusChip->setText(chip);
    m_ui->statusChip->setVisible(!chip.isEmpty());
    const QColor ink = BadgeDelegate::toneColor(tone, palette());
    m_ui->statusChip->setStyleSheet(chipStyleSheet(ink, palette()));
    m_ui->provenanceLabel->setText(caseProvenance(*session()));
    // Pasted evidence that names a payment can be compared with what the provider says now.
    m_ui->lookUpLiveButton->setVisible(!session()->isLookup() && (!facts.paymentKey.empty() || !facts.orderId.empty()));
    m_ui->orderIdValue->setText(orderId);
    m_ui->paymentKeyValue->setText(paymentKey);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->orderIdCaption), static_cast<QWidget *>(m_ui->orderIdValue),
                       static_cast<QWidget *>(m_ui->copyOrderIdButton)})
        w->setVisible(!orderId.isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_ui->paymentKeyCaption), static_cast<QWidget *>(m_ui->paymentKeyValue),
                       static_cast<QWidget *>(m_ui->copyPaymentKeyButton)})
        w->setVisible(!paymentKey.isEmpty());
}

void SummaryPane::updateRepairs()
{
    const CaseSnapshot &snap = snapshot();
    if (snap.repairs.empty() && snap.skipped.empty()) {
        m_ui->repairsLabel->hide();
        return;
    }
    QStringList sentences;
    QStringList lines;
    // What could not be read comes first: the documents around it were analysed without it.
    if (!snap.skipped.empty())
        sentences << tr("%n part(s) of the text could not be read and were left out; the rest was analysed.", nullptr,
                        int(snap.skipped.size()));
    for (const DecodeError &e : snap.skipped)
        lines << e.message().toString();
    if (!snap.repairs.empty()) {
        // Grouped by kind, what changed data first: "unquoted keys ×30" reads; thirty lines do not.
        QStringList kinds;
        for (const RepairGroup &group : groupRepairs(snap.repairs)) {
            kinds << (group.count > 1 ? QStringLiteral("%1 ×%2").arg(group.name().toString()).arg(group.count)
                                      : group.name().toString());
            lines << snap.repairs[group.first].description().toString()
                         + (group.count > 1 ? QLatin1Char(' ') + tr("(and %n more like it)", nullptr, int(group.count - 1)) : QString());
        }
        sentences << tr("The text was not strict JSON; read after repairs: %1.").arg(kinds.join(QStringLiteral(", ")));
    }
    sentences << tr("Hover for the list; where data was changed or lost, the place is marked in the raw pane.");
    m_ui->repairsLabel->setText(sentences.join(QLatin1Char(' ')));
    m_ui->repairsLabel->setToolTip(lines.join(QLatin1Char('\n')));
    m_ui->repairsLabel->show();
}

} // namespace paytriage
