#pragma once

// A list of ids for a batch, as people bring it: one per line, or a column of a CSV exported from
// a spreadsheet (Excel's byte-order mark, quoted cells with commas, CRLF). The column is chosen
// by its header name, else orderId or paymentKey, else the first. Blank lines and # comments are
// skipped; repeats are looked up once.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace paytriage {

struct IdList
{
    QStringList ids;      // in the order given, each once
    int repeats = 0;      // ids left out because they came before
    QStringList headers;  // the CSV's header cells, when its first line is one (a column was named, or orderId/paymentKey)
    QString column;       // the header of the column read; empty: the first column, no header
    bool unknownColumn = false;  // the column asked for is not among the headers
};

// column: the header to read; empty: orderId, else paymentKey, else the first column.
IdList readIdList(const QByteArray &text, const QString &column = {});

// The cells of one CSV line (RFC 4180 quotes: "a,b" is one cell, "" a quote).
QStringList csvCells(const QString &line);

} // namespace paytriage
