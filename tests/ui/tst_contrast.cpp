// Contrast computed from the palette: severity colours (tree fields, finding headings), status
// badges and chips, and null values in the tree and the raw pane reach WCAG 2.x AA for text
// (4.5:1, SC 1.4.3) on a light, a dark and an odd mid-grey theme. Also: a null in the tree is
// an italic "null" in the text colour, and its tooltip says whether the status expects it.

#include "badgedelegate.h"
#include "jsonview/jsoncolors.h"
#include "models/jsontreemodel.h"
#include "severitystyle.h"

#include "../models/analysedsample.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace paytriage;
using namespace paytriage::test;

namespace {

QPalette lightPalette()
{
    // The platform's default (offscreen: Qt's built-in light palette, Base white).
    return QApplication::palette();
}

QPalette darkPalette()
{
    // The dark theme the README's dark screenshots are drawn on.
    return darkThemePalette();
}

QPalette oddPalette()
{
    // A user's odd theme: mid-grey everywhere and a text colour that itself only reaches
    // 2.6:1 on it. Black is the only end of the scale that reaches 4.5:1 (5.3:1; white 3.9:1),
    // so every ink has to find a dark shade, and Text itself has to be nudged.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::WindowText, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Base, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::AlternateBase, QColor(0x8c, 0x8c, 0x8c));
    p.setColor(QPalette::Text, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x70));
    return p;
}

// A chip's colour and background from its style sheet, the background (translucent) drawn on
// surface: what the user actually sees.
std::pair<QColor, QColor> chipColors(const QString &styleSheet, const QColor &surface)
{
    static const QRegularExpression background(QStringLiteral("background: (#[0-9a-fA-F]{8})"));
    static const QRegularExpression color(QStringLiteral("[^-]color: (#[0-9a-fA-F]{6})"));
    const QColor tint(background.match(styleSheet).captured(1));
    const QColor ink(color.match(styleSheet).captured(1));
    QColor solid = tint;
    solid.setAlphaF(1.0f);
    return {ink, blend(surface, solid, tint.alphaF())};
}

// A DONE payment with two nulls: approvedAt, which DONE requires (null-field-for-status
// points at it), and failure, which a DONE payment legitimately has as null.
const char *donePayment = R"({"paymentKey": "k", "orderId": "o", "status": "DONE", "method": "카드",
  "totalAmount": 1000, "balanceAmount": 1000, "requestedAt": "2024-01-01T10:00:00+09:00",
  "approvedAt": null, "failure": null})";

const std::int64_t now = msAt("2025-10-01T00:00:00+09:00");

QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &key)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, JsonTreeModel::FieldColumn, parent);
        if (index.data().toString() == key)
            return index;
    }
    return {};
}

} // namespace

class TestContrast final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textContrast_data();
    void textContrast();
    void nullInTheTreeIsItalicText();
    void nullToolTipSaysWhetherExpected();
    void nullExpectationNeedsAnAnalysis();
};

void TestContrast::textContrast_data()
{
    QTest::addColumn<QColor>("ink");
    QTest::addColumn<QColor>("background");

    JsonTreeModel tree(catalog());
    AnalysedSample sample = analyse(donePayment, now);
    tree.setDocuments(sample.documents);
    tree.setFindings(sample.analysis.findings);

    for (const auto &[name, palette] : {std::pair{"light", lightPalette()}, std::pair{"dark", darkPalette()},
                                        std::pair{"odd", oddPalette()}}) {
        const QColor base = palette.color(QPalette::Base);
        const QColor window = palette.color(QPalette::Window);
        const auto row = [&](const char *what) -> QTestData & { return QTest::addRow("%s: %s", name, what); };

        // Severity colours are text on Base: tree field names, the window title's dot, and the
        // headings of the finding explanation (an <h3> in a QTextBrowser, whose ground is Base).
        for (int severity : {0, 1, 2})
            row(qPrintable(QStringLiteral("severity %1 on Base").arg(severity)))
                << severityColor(severity, palette) << base;

        for (int tone : {-1, 0, 1, 2}) {
            const QColor ink = BadgeDelegate::toneColor(tone, palette);
            // Badge tones are also plain text colours.
            row(qPrintable(QStringLiteral("tone %1 on Base").arg(tone))) << ink << base;
            // In the timeline the badge's text sits on its tint over the row: Base, or
            // AlternateBase on alternate rows. The tint (13% light, 25% dark) darkens or
            // lightens the ground toward the ink, which is what costs contrast.
            row(qPrintable(QStringLiteral("badge %1 on its tint over Base").arg(tone)))
                << chipInk(ink, base, palette) << tintOver(ink, base, palette);
            row(qPrintable(QStringLiteral("badge %1 on its tint over AlternateBase").arg(tone)))
                << chipInk(ink, palette.color(QPalette::AlternateBase), palette)
                << tintOver(ink, palette.color(QPalette::AlternateBase), palette);
            // The case summary's status chip: read back from the style sheet it gets, the
            // translucent background drawn on Window.
            const auto [chipText, chipGround] = chipColors(chipStyleSheet(ink, palette), window);
            row(qPrintable(QStringLiteral("chip %1 (style sheet) on Window").arg(tone))) << chipText << chipGround;
        }

        // The tree's nulls, as the proxy colours them: the one no finding points at in the text
        // colour (it was the disabled grey, 2.8:1 on white), the one a finding points at in the
        // finding's colour.
        SeverityStyleProxy proxy;
        proxy.setSourceModel(&tree);
        proxy.setPalette(palette);
        proxy.setNullRole(JsonTreeModel::IsNullRole, JsonTreeModel::ValueColumn);
        const QModelIndex document = proxy.index(0, 0);
        for (const char *key : {"failure", "approvedAt"}) {
            const QModelIndex value = child(proxy, document, QLatin1String(key)).siblingAtColumn(JsonTreeModel::ValueColumn);
            row(qPrintable(QStringLiteral("tree null %1 on Base").arg(QLatin1String(key))))
                << proxy.data(value, Qt::ForegroundRole).value<QColor>() << base;
        }

        // The raw pane's null keyword (rose, italic) on the editor's Base.
        row("raw pane null on Base") << JsonColors::fromPalette(palette).null << base;
    }
}

void TestContrast::textContrast()
{
    QFETCH(QColor, ink);
    QFETCH(QColor, background);
    QVERIFY(ink.isValid() && background.isValid());
    const double ratio = contrastRatio(ink, background);
    qInfo("%s %s on %s: %.2f:1", QTest::currentDataTag(), qPrintable(ink.name()), qPrintable(background.name()), ratio);
    // 4.5:1 is WCAG AA for normal-size text; none of these are large enough for the 3:1 rule.
    QVERIFY2(ratio >= minTextContrast,
             qPrintable(QStringLiteral("%1 on %2 is %3:1").arg(ink.name(), background.name()).arg(ratio, 0, 'f', 2)));
}

void TestContrast::nullInTheTreeIsItalicText()
{
    JsonTreeModel tree(catalog());
    AnalysedSample sample = analyse(donePayment, now);
    tree.setDocuments(sample.documents);
    tree.setFindings(sample.analysis.findings);
    SeverityStyleProxy proxy;
    proxy.setSourceModel(&tree);
    proxy.setPalette(lightPalette());
    proxy.setNullRole(JsonTreeModel::IsNullRole, JsonTreeModel::ValueColumn);

    const QModelIndex field = child(proxy, proxy.index(0, 0), QStringLiteral("failure"));
    QVERIFY(field.isValid());
    const QModelIndex value = field.siblingAtColumn(JsonTreeModel::ValueColumn);
    QCOMPARE(value.data(Qt::DisplayRole).toString(), QStringLiteral("null"));
    QVERIFY(value.data(Qt::FontRole).value<QFont>().italic());
    // The text colour, not the disabled grey it used to be.
    QCOMPARE(value.data(Qt::ForegroundRole).value<QColor>(), lightPalette().color(QPalette::Text));
    // Only the value is italic; the field name and a non-null value keep the view's font.
    QVERIFY(!field.data(Qt::FontRole).isValid());
    const QModelIndex status = child(proxy, proxy.index(0, 0), QStringLiteral("status"));
    QVERIFY(!status.siblingAtColumn(JsonTreeModel::ValueColumn).data(Qt::FontRole).isValid());

    // The null a finding points at keeps the finding's colour (warning) and icon.
    const QModelIndex flagged = child(proxy, proxy.index(0, 0), QStringLiteral("approvedAt"));
    QVERIFY(flagged.isValid());
    QCOMPARE(flagged.data(SeverityRole).toInt(), int(Severity::Warning));
    QCOMPARE(flagged.siblingAtColumn(JsonTreeModel::ValueColumn).data(Qt::ForegroundRole).value<QColor>(),
             severityColor(int(Severity::Warning), lightPalette()));
    QVERIFY(flagged.siblingAtColumn(JsonTreeModel::ValueColumn).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!flagged.data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestContrast::nullToolTipSaysWhetherExpected()
{
    JsonTreeModel tree(catalog());
    AnalysedSample sample = analyse(donePayment, now);
    QVERIFY2(std::any_of(sample.analysis.findings.begin(), sample.analysis.findings.end(),
                         [](const Finding &f) { return f.rule == "null-field-for-status"; }),
             qPrintable(describe(sample.analysis.findings)));
    tree.setDocuments(sample.documents);
    tree.setFindings(sample.analysis.findings);
    const QModelIndex document = tree.index(0, 0);
    const QString unexpected = child(tree, document, QStringLiteral("approvedAt")).data(Qt::ToolTipRole).toString();
    QVERIFY2(unexpected.contains(QStringLiteral("unexpected for status DONE")), qPrintable(unexpected));
    const QString expected = child(tree, document, QStringLiteral("failure")).data(Qt::ToolTipRole).toString();
    QVERIFY2(expected.contains(QStringLiteral("expected for status DONE")) && !expected.contains(QStringLiteral("unexpected")),
             qPrintable(expected));
    // A value that is not null says nothing of the kind.
    QVERIFY(!child(tree, document, QStringLiteral("status")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("expected")));
}

void TestContrast::nullExpectationNeedsAnAnalysis()
{
    // Without findings the model cannot know whether a null is expected: it must not say so.
    JsonTreeModel tree(catalog());
    tree.setDocuments(analyse(donePayment, now).documents);
    const QModelIndex document = tree.index(0, 0);
    QVERIFY(!child(tree, document, QStringLiteral("failure")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("expected")));

    // Nor after an analysis that folded null-field-for-status findings (it kept a few places only).
    AnalysedSample sample = analyse(donePayment, now);
    std::vector<Finding> findings = sample.analysis.findings;
    for (Finding &f : findings)
        if (f.rule == "null-field-for-status")
            f.occurrences = 2;
    tree.setFindings(findings);
    QVERIFY(!child(tree, document, QStringLiteral("failure")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("expected")));
}

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
