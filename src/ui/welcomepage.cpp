#include "welcomepage.h"
#include "ui_welcomepage.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QUrl>

namespace paytriage {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::WelcomePage>())
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->scenarioList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_ui->scenarioList, &QTreeWidget::itemActivated, this, &WelcomePage::openCurrent);
    connect(m_ui->scenarioList, &QTreeWidget::itemClicked, this, &WelcomePage::openCurrent);
    connect(m_ui->openButton, &QPushButton::clicked, this, &WelcomePage::openCurrent);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_ui->pasteButton, &QPushButton::clicked, this, &WelcomePage::analyseTextRequested);
    connect(m_ui->batchButton, &QPushButton::clicked, this, &WelcomePage::batchRequested);
    connect(m_ui->scanButton, &QPushButton::clicked, this, &WelcomePage::scanRequested);
    connect(m_ui->historyButton, &QPushButton::clicked, this, &WelcomePage::historyRequested);
    const auto openRecent = [this](const QListWidgetItem *item) {
        if (item)
            Q_EMIT recentRequested(item->text());
    };
    connect(m_ui->recentList, &QListWidget::itemActivated, this, openRecent);
    connect(m_ui->recentList, &QListWidget::itemClicked, this, openRecent);
    connect(m_ui->profilesLabel, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT settingsRequested(QUrl::fromPercentEncoding(link.mid(9).toUtf8())); });
    setRecent({});
    fill();
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setScenarios(std::vector<Scenario> scenarios, const QString &sandboxUrl)
{
    m_scenarios = std::move(scenarios);
    m_url = sandboxUrl;
    fill();
}

void WelcomePage::setRecent(const QStringList &ids)
{
    m_ui->recentList->clear();
    m_ui->recentList->addItems(ids);
    m_ui->recentCaption->setVisible(!ids.isEmpty());
    m_ui->recentList->setVisible(!ids.isEmpty());
}

void WelcomePage::setProfiles(std::vector<ProfileKey> profiles)
{
    m_profiles = std::move(profiles);
    fillProfiles();
}

void WelcomePage::fillProfiles()
{
    QStringList lines;
    for (const ProfileKey &p : m_profiles) {
        QString state;
        switch (p.mode) {
        case KeyMode::Test: state = tr("TEST key stored"); break;
        case KeyMode::Live: state = tr("LIVE key stored"); break;
        case KeyMode::Unknown: state = p.checked ? tr("no key stored") : tr("checking the keychain…"); break;
        }
        QString line = QStringLiteral("<b>%1</b> — %2").arg(p.name.toHtmlEscaped(), state);
        if (p.checked && p.mode == KeyMode::Unknown)
            line += QStringLiteral(" · <a href=\"settings:%1\">%2</a>")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(p.name)), tr("Store a key…"));
        lines << line;
    }
    m_ui->profilesLabel->setText(lines.isEmpty() ? QString()
                                                 : QStringLiteral("%1<br>%2").arg(tr("Merchant profiles:"), lines.join(QStringLiteral("<br>"))));
    m_ui->profilesLabel->setVisible(!lines.isEmpty());
}

QWidget *WelcomePage::scenarioList() const
{
    return m_ui->scenarioList;
}

void WelcomePage::fill()
{
    const bool demo = !m_scenarios.empty();
    m_ui->scenarioList->clear();
    for (std::size_t i = 0; i < m_scenarios.size(); ++i) {
        const Scenario &s = m_scenarios[i];
        auto *item = new QTreeWidgetItem(m_ui->scenarioList);
        item->setText(0, s.orderId);
        item->setText(1, QCoreApplication::translate("paytriage::sandbox", s.description));
        item->setData(0, Qt::UserRole, int(i));
        item->setToolTip(1, item->text(1));
    }
    m_ui->scenarioList->setVisible(demo);
    m_ui->openButton->setVisible(demo);
    m_ui->demoButton->setVisible(!demo);
    m_ui->demoLabel->setText(demo ? tr("Demo mode: a local Toss API sandbox answers at %1 with the seed cases of real support "
                                       "threads, a generated merchant and injected faults. Click a scenario to look it up.")
                                        .arg(m_url)
                                  : tr("No merchant set up? Start the demo: a local sandbox of the Toss API with the cases "
                                       "this tool was made for."));
    if (demo && !m_ui->scenarioList->currentItem())
        m_ui->scenarioList->setCurrentItem(m_ui->scenarioList->topLevelItem(0));
}

void WelcomePage::openCurrent()
{
    const QTreeWidgetItem *item = m_ui->scenarioList->currentItem();
    if (!item)
        return;
    const Scenario &s = m_scenarios.at(std::size_t(item->data(0, Qt::UserRole).toInt()));
    Q_EMIT scenarioRequested(s.orderId, s.inApp);
}

void WelcomePage::setHistoryAvailable(bool available)
{
    m_ui->historyButton->setVisible(available);
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fill();
        fillProfiles();
    }
    QWidget::changeEvent(event);
}

} // namespace paytriage
