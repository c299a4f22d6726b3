#include "net/idlist.h"

#include <set>

namespace paytriage {

QStringList csvCells(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell.trimmed();
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell.trimmed();
    return cells;
}

IdList readIdList(const QByteArray &text, const QString &column)
{
    IdList list;
    QString all = QString::fromUtf8(text);
    if (all.startsWith(QChar(0xFEFF)))  // Excel's "CSV UTF-8" starts with a byte-order mark
        all.remove(0, 1);
    const QStringList lines = all.split(QLatin1Char('\n'));
    int index = 0;
    bool header = false;
    if (!lines.isEmpty()) {
        const QStringList cells = csvCells(lines.front());
        const auto find = [&cells](const QString &name) {
            for (int i = 0; i < cells.size(); ++i)
                if (cells[i].compare(name, Qt::CaseInsensitive) == 0)
                    return i;
            return -1;
        };
        int found = -1;
        if (!column.isEmpty()) {
            found = find(column);
            list.unknownColumn = found < 0;
        }
        if (found < 0 && column.isEmpty())
            found = find(QStringLiteral("orderId"));
        if (found < 0 && column.isEmpty())
            found = find(QStringLiteral("paymentKey"));
        if (found >= 0) {
            index = found;
            header = true;
            list.headers = cells;
            list.column = cells[found];
        }
    }
    std::set<QString> seen;
    for (qsizetype n = header ? 1 : 0; n < lines.size(); ++n) {
        const QString line = lines[n].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = csvCells(line);
        const QString id = index < cells.size() ? cells[index] : QString();
        if (id.isEmpty())
            continue;
        if (!seen.insert(id).second) {
            ++list.repeats;
            continue;
        }
        list.ids << id;
    }
    return list;
}

} // namespace paytriage
