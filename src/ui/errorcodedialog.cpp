#include "errorcodedialog.h"
#include "ui_errorcodedialog.h"

#include "models/errorcodemodel.h"
#include "models/modelroles.h"

#include <QEvent>
#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace paytriage {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

ErrorCodeDialog::ErrorCodeDialog(const Catalog &catalog, Language language, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ErrorCodeDialog>()), m_catalog(catalog), m_language(language)
{
    m_ui->setupUi(this);
    m_model = new ErrorCodeModel(catalog, this);
    m_model->setLanguage(language);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->codeView->setModel(m_filter);
    m_ui->codeView->sortByColumn(ErrorCodeModel::CodeColumn, Qt::AscendingOrder);
    m_ui->codeView->verticalHeader()->hide();
    QHeaderView *header = m_ui->codeView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ErrorCodeModel::CodeColumn, QHeaderView::Interactive);
    header->resizeSection(ErrorCodeModel::CodeColumn, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 20);
    header->setSectionResizeMode(ErrorCodeModel::MeaningColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ErrorCodeModel::WhoActsColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ErrorCodeModel::HttpColumn, QHeaderView::ResizeToContents);
    header->resizeSection(ErrorCodeModel::WhoActsColumn, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
    m_ui->codeView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->splitter->setSizes({760, 420});
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        updateCount();
        if (!m_ui->codeView->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_ui->codeView->setCurrentIndex(m_filter->index(0, 0));
    });
    connect(m_ui->codeView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ErrorCodeDialog::showDetail);
    updateCount();
    if (m_filter->rowCount() > 0)
        m_ui->codeView->setCurrentIndex(m_filter->index(0, 0));
}

ErrorCodeDialog::~ErrorCodeDialog() = default;

void ErrorCodeDialog::setLanguage(Language language)
{
    m_language = language;
    m_model->setLanguage(language);
    showDetail();
}

void ErrorCodeDialog::updateCount()
{
    const int count = visibleCount();
    const QString search = m_ui->searchEdit->text().trimmed();
    // No hit: say what else to try rather than showing an empty list.
    m_ui->countLabel->setText(count > 0 || search.isEmpty()
                                  ? tr("%n code(s)", nullptr, count)
                                  : tr("No code matches \"%1\". Try a part of the code (NOT_FOUND), a word of the "
                                       "provider's message, or the Korean wording; codes are an open set, and one the "
                                       "catalog lacks can be added to its override file.")
                                        .arg(search));
}

int ErrorCodeDialog::visibleCount() const
{
    return m_filter->rowCount();
}

QString ErrorCodeDialog::currentCode() const
{
    const QModelIndex index = m_filter->mapToSource(m_ui->codeView->currentIndex());
    return index.isValid() ? m_model->code(index.row()) : QString();
}

bool ErrorCodeDialog::showCode(const QString &code)
{
    const int row = m_model->rowOf(code);
    if (row < 0)
        return false;
    m_ui->searchEdit->clear();
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    m_ui->codeView->setCurrentIndex(index);
    m_ui->codeView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void ErrorCodeDialog::showDetail()
{
    const QString code = currentCode();
    const Json *entry = code.isEmpty() ? nullptr : m_catalog.error(code.toStdString());
    if (!entry) {
        m_ui->detailView->clear();
        return;
    }
    auto section = [&](const QString &heading, const char *key) {
        const QString text = Catalog::text(*entry, key).qIn(m_language);
        return text.isEmpty() ? QString() : QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(heading), esc(text));
    };
    const QModelIndex row = m_model->index(m_model->rowOf(code), 0);
    QString html = QStringLiteral("<h2><code>%1</code></h2>").arg(esc(code));
    html += section(tr("Meaning"), "meaning");
    html += section(tr("Likely causes"), "causes");
    html += section(tr("What to check"), "check");
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(esc(tr("Who acts")), esc(m_model->data(row.siblingAtColumn(ErrorCodeModel::WhoActsColumn)).toString()));
    const QString http = m_model->data(row.siblingAtColumn(ErrorCodeModel::HttpColumn)).toString();
    if (!http.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(tr("Usual HTTP status")), esc(http));
    m_ui->detailView->setHtml(html);
}

void ErrorCodeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateCount();
        showDetail();
    }
    QDialog::changeEvent(event);
}

} // namespace paytriage
