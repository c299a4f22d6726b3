#include "model/input.h"

#include <QFile>

#include <cstring>
#include <vector>

namespace paytriage {

LoadedCase loadText(std::string text, const DocumentSource &source, const DecodeOptions &options)
{
    LoadedCase loaded;
    loaded.decoded = decode(std::move(text), options);
    if (!loaded.decoded.ok())
        return loaded;
    loaded.kase.documents = toDocuments(std::move(loaded.decoded.documents), source);
    loaded.decoded.documents.clear();
    loaded.kase.index();
    return loaded;
}

bool readFile(const QString &path, std::string *contents, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const qint64 size = file.size();
    contents->clear();
    if (size > 0)
        contents->reserve(static_cast<std::size_t>(size));
    char buffer[1 << 16];
    for (;;) {
        const qint64 n = file.read(buffer, sizeof buffer);
        if (n < 0) {
            *error = file.errorString();
            return false;
        }
        if (n == 0)
            break;
        contents->append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

ChunkedFileReader::ChunkedFileReader(std::FILE *file, std::size_t chunk)
    : m_file(file)
    , m_buffer(chunk)
{
}

bool ChunkedFileReader::refill()
{
    m_consumed += m_filled;
    m_filled = m_file ? std::fread(m_buffer.data(), 1, m_buffer.size(), m_file) : 0;
    return m_filled > 0;
}

void ChunkedFileReader::Iterator::settle()
{
    if (!m_reader)
        return;
    if (!m_reader->refill()) {
        m_reader = nullptr;
        m_pos = m_end = nullptr;
        return;
    }
    m_pos = m_reader->m_buffer.data();
    m_end = m_pos + m_reader->m_filled;
}

bool fileStartsWithArray(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    int i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
        ++i;
    return i < head.size() && head[i] == '[';
}

namespace {

// Builds one element of the top-level array at a time; everything outside is skipped.
class RecordSax final
{
public:
    using OnRecord = std::function<void(const Json &, const std::string &)>;
    RecordSax(std::size_t maxDepth, const OnRecord &onRecord) : m_maxDepth(maxDepth), m_onRecord(onRecord) {}

    bool null() { return value(Json()); }
    bool boolean(bool v) { return value(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return value(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string &) { return value(Json(v)); }
    bool string(std::string &v) { return value(Json(std::move(v))); }
    bool binary(Json::binary_t &) { return value(Json()); }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool end_object() { return close(); }
    bool start_array(std::size_t)
    {
        if (m_stack.empty()) {
            // The top-level array and arrays nested in it (flattened): track indices only.
            if (++m_listDepth > m_maxDepth)
                return tooDeep();
            m_index.push_back(0);
            return true;
        }
        return open(Json::array());
    }
    bool end_array()
    {
        if (m_stack.empty()) {
            --m_listDepth;
            m_index.pop_back();
            if (!m_index.empty())
                ++m_index.back();
            return true;
        }
        return close();
    }
    bool key(std::string &k)
    {
        m_key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &e)
    {
        m_errorOffset = position > 0 ? position - 1 : 0;
        m_errorText = e.what();
        return false;
    }

    std::size_t records() const { return m_records; }
    bool failedDeep() const { return m_tooDeep; }
    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string &errorText() const { return m_errorText; }
    bool topLevelArray() const { return m_sawTopLevelArray; }

private:
    bool tooDeep()
    {
        m_tooDeep = true;
        return false;
    }

    bool open(Json container)
    {
        if (m_stack.empty()) {
            if (m_index.empty())
                return false;  // the top level is not an array: not a list file
            m_sawTopLevelArray = true;
            m_record = std::move(container);
            m_stack.push_back(&m_record);
            return true;
        }
        if (m_stack.size() + m_listDepth > m_maxDepth)
            return tooDeep();
        Json *parent = m_stack.back();
        Json *child = parent->is_object() ? &((*parent)[m_key] = std::move(container))
                                          : &parent->emplace_back(std::move(container));
        m_stack.push_back(child);
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        if (m_stack.empty())
            deliver();
        return true;
    }

    bool value(Json v)
    {
        if (m_stack.empty()) {
            if (!m_index.empty())
                ++m_index.back();  // a scalar element of the list: skipped
            return true;
        }
        Json *parent = m_stack.back();
        if (parent->is_object())
            (*parent)[m_key] = std::move(v);
        else
            parent->push_back(std::move(v));
        return true;
    }

    void deliver()
    {
        std::string pointer;
        for (const std::size_t i : m_index)
            pointer += '/' + std::to_string(i);
        ++m_index.back();
        if (m_record.is_object()) {
            ++m_records;
            m_onRecord(m_record, pointer);
        }
        m_record = Json();
    }

    std::size_t m_maxDepth;
    const OnRecord &m_onRecord;
    std::vector<Json *> m_stack;
    std::vector<std::size_t> m_index;
    std::size_t m_listDepth = 0;
    Json m_record;
    std::string m_key;
    std::size_t m_records = 0;
    bool m_tooDeep = false;
    bool m_sawTopLevelArray = false;
    std::size_t m_errorOffset = 0;
    std::string m_errorText;
};

// Line and column of a byte offset, by reading the file again up to it (errors only).
DecodeError locate(const QString &path, std::size_t offset, DecodeError::Kind kind)
{
    DecodeError error;
    error.kind = kind;
    error.offset = offset;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return error;
    std::size_t consumed = 0;
    std::string lineText;
    int line = 1;
    while (consumed <= offset) {
        const QByteArray chunk = file.read(1 << 20);
        if (chunk.isEmpty())
            break;
        for (qsizetype i = 0; i < chunk.size() && consumed <= offset; ++i, ++consumed) {
            if (chunk[i] == '\n') {
                ++line;
                lineText.clear();
            } else if (lineText.size() < 100000) {
                lineText += chunk[i];
            }
        }
    }
    error.position.line = line;
    const std::string before = lineText.size() > 0 ? lineText.substr(0, lineText.size() - 1) : std::string();
    error.position.column = static_cast<int>(QString::fromUtf8(before.data(), qsizetype(before.size())).size()) + 1;
    const std::size_t from = before.size() > 40 ? before.size() - 40 : 0;
    error.excerpt = QString::fromUtf8(lineText.data() + from, qsizetype(lineText.size() - from)).toStdString();
    return error;
}

} // namespace

StreamResult streamRecords(const QString &path, std::size_t maxDepth,
                           const std::function<void(const Json &, const std::string &)> &onRecord)
{
    StreamResult result;
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        result.error = DecodeError{DecodeError::Kind::NoJson, 0, {}, std::strerror(errno), {}};
        return result;
    }
    ChunkedFileReader reader(file);
    auto it = reader.iterator();
    const ChunkedFileReader::Iterator end;
    // A UTF-8 BOM: skipped here; error offsets below count from after it.
    std::size_t bom = 0;
    if (it != end && *it == '\xEF') {
        for (; bom < 3 && it != end; ++bom)
            ++it;
    }
    RecordSax sax(maxDepth, onRecord);
    const bool ok = Json::sax_parse(it, end, &sax, nlohmann::detail::input_format_t::json, true, true);
    std::fclose(file);
    result.records = sax.records();
    if (ok)
        return result;
    if (sax.failedDeep())
        result.error = locate(path, static_cast<std::size_t>(reader.consumed()), DecodeError::Kind::TooDeep);
    else if (!sax.topLevelArray() && sax.errorText().empty())
        result.error = DecodeError{DecodeError::Kind::NoJson, 0, {}, {}, {}};
    else
        result.error = locate(path, sax.errorOffset() + bom,
                              sax.errorText().find("unexpected end of input") != std::string::npos
                                  ? DecodeError::Kind::Truncated
                                  : DecodeError::Kind::Syntax);
    return result;
}

} // namespace paytriage
