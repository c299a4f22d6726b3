#include "model/input.h"

#include "model/embedded.h"
#include "model/saxevents.h"
#include "util/jsonutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

// Hints for GCC's inliner (see RecordSax); other compilers decide alone.
#if defined(__GNUC__)
#define PAYTRIAGE_NOINLINE __attribute__((noinline))
#define PAYTRIAGE_COLD __attribute__((cold))
#else
#define PAYTRIAGE_NOINLINE
#define PAYTRIAGE_COLD
#endif

namespace paytriage {

LoadedCase loadText(std::string text, const DocumentSource &source, const DecodeOptions &options)
{
    LoadedCase loaded;
    loaded.decoded = decode(std::move(text), options);
    if (!loaded.decoded.ok())
        return loaded;
    loaded.kase.documents = toDocuments(std::move(loaded.decoded.documents), source);
    loaded.decoded.documents.clear();
    readEmbeddedDocuments(loaded, source, options);
    loaded.kase.index();
    return loaded;
}

bool readFile(const QString &path, std::string *contents, QString *error, std::size_t maxBytes)
{
    const QFileInfo info(path);
    const auto tr = [](const char *text) { return QCoreApplication::translate("paytriage::Input", text); };
    if (!info.exists()) {
        *error = tr("no such file: check the path.");
        return false;
    }
    if (info.isDir()) {
        *error = tr("this is a folder: name a file.");
        return false;
    }
    if (!info.isFile()) {
        *error = tr("not a regular file (a device, a pipe or a socket): save the text to a file first.");
        return false;
    }
    if (std::size_t(std::max<qint64>(0, info.size())) > maxBytes) {
        *error = tr("%1 MB, more than %2 MB: too large to read at once.").arg(info.size() >> 20).arg(maxBytes >> 20);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    contents->clear();
    contents->reserve(static_cast<std::size_t>(std::max<qint64>(0, info.size())));
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
        if (contents->size() > maxBytes) {  // it grew while being read
            *error = tr("more than %1 MB: too large to read at once.").arg(maxBytes >> 20);
            contents->clear();
            return false;
        }
    }
    return true;
}

bool readStandardInput(std::string *contents, std::size_t maxBytes, bool *tooLarge)
{
    contents->clear();
    *tooLarge = false;
    char buffer[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
        contents->append(buffer, n);
        if (contents->size() > maxBytes) {
            *tooLarge = true;
            contents->clear();
            return false;
        }
        if (n < sizeof buffer)
            return !std::ferror(stdin);
    }
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
    if (!m_firstNul && m_filled > 0)
        if (const void *nul = std::memchr(m_buffer.data(), 0, m_filled))
            m_firstNul = m_consumed + std::size_t(static_cast<const char *>(nul) - m_buffer.data());
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

std::size_t ChunkedFileReader::skipByteOrderMark(Iterator &it)
{
    // Only the three bytes of a BOM, seen in the first chunk before any is consumed: a file that
    // starts with part of one (EF then anything else) is left for the parser to refuse.
    if (!it.buffered().starts_with("\xEF\xBB\xBF"))
        return 0;
    for (int i = 0; i < 3; ++i)
        ++it;
    return 3;
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
//
// The record is built into one Json that lives as long as the parse and is rebuilt in place for
// every record, so that a dump whose records share a shape (the usual case) costs next to no
// allocation per record. Every open object or array is a frame with a count of the members or
// elements the value being built has so far; its storage may hold more, left over from the value
// built there before ("stale"). The next member or element overwrites the slot at the count when
// it fits: a member when the stale slot has the same key, a string into the existing string's
// capacity, a number or a literal in place when the type is the same, a container by refilling
// the existing container. When a frame closes, slots past its count are dropped, so each record
// is exactly what nlohmann's DOM parser builds: members in first-seen order, a duplicate key
// keeps its first position and takes the last value.
//
// It receives the parser's events as they are replayed on the calling thread (see saxevents.h).
// The rare paths (a new shape, a value changing type) are kept out of line, so that the replay
// loop, into which the common ones are inlined, stays small.
class RecordSax final
{
public:
    using OnRecord = std::function<void(const StreamedRecord &)>;
    RecordSax(std::size_t maxDepth, const OnRecord &onRecord) : m_maxDepth(maxDepth), m_onRecord(onRecord) {}

    bool null()
    {
        if (Json *slot = next(); slot && !slot->is_null())
            replace(*slot, Json());
        return true;
    }
    bool boolean(bool v) { return scalar<Json::value_t::boolean>(v); }
    bool number_integer(Json::number_integer_t v) { return scalar<Json::value_t::number_integer>(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar<Json::value_t::number_unsigned>(v); }
    bool number_float(Json::number_float_t v) { return scalar<Json::value_t::number_float>(v); }
    bool string(std::string_view v)
    {
        if (Json *slot = next()) {
            if (slot->is_string())
                slot->get_ref<std::string &>().assign(v);
            else
                replace(*slot, Json(std::string(v)));
        }
        return true;
    }

    bool start_object() { return open(Json::value_t::object); }
    bool end_object() { return close(); }
    bool start_array()
    {
        if (m_frames.empty()) {
            // The top-level array and arrays nested in it (flattened): track indices only.
            if (++m_listDepth > m_maxDepth)
                return tooDeep();
            m_sawTopLevelArray = true;
            m_index.push_back(0);
            return true;
        }
        return open(Json::value_t::array);
    }
    bool end_array()
    {
        if (m_frames.empty()) {
            --m_listDepth;
            m_index.pop_back();
            if (!m_index.empty())
                ++m_index.back();
            return true;
        }
        return close();
    }
    bool key(std::string_view k)
    {
        // Keys only come inside a record (the top level is never built), so a frame is open and it
        // is an object. The slot is chosen here; the value that follows goes into it.
        Frame &frame = m_frames.back();
        Members &members = frame.value->get_ref<Object &>();
        if (frame.count < members.size() && json::sameText(members[frame.count].first, k))
            m_member = &members[frame.count++].second;
        else
            m_member = &reshape(frame, k);
        return true;
    }
    // The parser stopped at this position (1-based, as nlohmann counts) with this message.
    PAYTRIAGE_COLD void parseError(std::size_t position, const std::string &text)
    {
        m_errorOffset = position > 0 ? position - 1 : 0;
        m_errorText = text;
    }

    std::size_t records() const { return m_records; }
    bool failedDeep() const { return m_tooDeep; }
    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string &errorText() const { return m_errorText; }
    bool topLevelArray() const { return m_sawTopLevelArray; }

private:
    using Object = Json::object_t;
    using Members = Object::Container;  // std::vector<std::pair<const std::string, Json>>
    using Array = Json::array_t;

    struct Frame
    {
        Json *value;               // an object or an array
        std::size_t count = 0;     // members or elements of the value being built; the rest is stale
        std::size_t reshapes = 0;  // times an object's members were reordered for this value
    };
    static constexpr std::size_t kMaxReshapes = 4;

    bool tooDeep()
    {
        m_tooDeep = true;
        return false;
    }

    // A number or a boolean: in place when the slot already holds that type. (The type is compared
    // exactly: nlohmann's is_number_integer() is also true of unsigned numbers.)
    template <Json::value_t Type, typename T>
    bool scalar(T v)
    {
        if (Json *slot = next()) {
            if (slot->type() == Type)
                *slot->get_ptr<T *>() = v;
            else
                replace(*slot, Json(v));
        }
        return true;
    }

    PAYTRIAGE_NOINLINE static void replace(Json &slot, Json &&value) { slot = std::move(value); }

    // The slot that takes the next value, or null outside a record (a scalar element of the list,
    // skipped). In an object, key() has chosen it already.
    Json *next()
    {
        if (m_frames.empty()) {
            if (!m_index.empty())
                ++m_index.back();
            return nullptr;
        }
        Frame &frame = m_frames.back();
        if (frame.value->is_object())
            return m_member;
        Array &elements = frame.value->get_ref<Array &>();
        if (frame.count < elements.size())
            return &elements[frame.count++];
        ++frame.count;
        return &elements.emplace_back();
    }

    // The slot for key k when the stale slot at the count has another key, or there is none: the
    // slot k already took in this value (a duplicate: last value wins, first position kept), else
    // k's stale slot moved to the count, else a new slot at the count. Keys are const, so members
    // are moved around by rebuilding the storage (keys copied, values moved); stale members
    // skipped over go to the back, where they are still found if they come later. A value that
    // keeps breaking the shape stops the rebuilds: its stale members are dropped and the rest is
    // appended, as a fresh object would be. If an allocation throws halfway, members is left a
    // valid object (some values moved out) and the exception ends the parse.
    PAYTRIAGE_NOINLINE PAYTRIAGE_COLD Json &reshape(Frame &frame, std::string_view k)
    {
        Members &members = frame.value->get_ref<Object &>();
        const std::size_t p = frame.count;
        const std::size_t n = members.size();
        if (m_frames.size() == 1)
            m_sameKeys = false;  // the record's own keys: not those of the record before
        for (std::size_t i = 0; i < p; ++i) {
            if (members[i].first == k)
                return members[i].second;
        }
        ++frame.count;
        if (p < n && frame.reshapes < kMaxReshapes) {
            ++frame.reshapes;
            std::size_t j = p + 1;
            while (j < n && members[j].first != k)
                ++j;
            Members fresh;
            fresh.reserve(j < n ? members.capacity() : std::max(members.capacity(), n + 1));
            const auto take = [&](std::size_t from, std::size_t to) {
                for (std::size_t i = from; i < to; ++i)
                    fresh.emplace_back(std::move(members[i]));
            };
            take(0, p);
            if (j < n) {
                take(j, n);
                take(p, j);
            } else {
                fresh.emplace_back(std::string(k), Json());
                take(p, n);
            }
            members.swap(fresh);
            return members[p].second;
        }
        while (members.size() > p)
            members.pop_back();
        if (members.size() == members.capacity()) {
            // Grown by hand: std::vector would copy the members (their move may throw), values too.
            Members fresh;
            fresh.reserve(std::max<std::size_t>(8, 2 * p));
            for (auto &member : members)
                fresh.emplace_back(std::move(member));
            members.swap(fresh);
        }
        return members.emplace_back(std::string(k), Json()).second;
    }

    bool open(Json::value_t type)
    {
        Json *slot = nullptr;
        if (m_frames.empty()) {
            if (m_index.empty())
                return false;  // the top level is not an array: not a list file
            slot = &m_record;
            m_sameKeys = slot->type() == type;
        } else {
            if (m_frames.size() + m_listDepth > m_maxDepth)
                return tooDeep();
            slot = next();
        }
        if (slot->type() != type)
            replace(*slot, Json(type));
        m_frames.push_back(Frame{slot});
        return true;
    }

    bool close()
    {
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        if (frame.value->is_object()) {
            Members &members = frame.value->get_ref<Object &>();
            if (m_frames.empty() && members.size() > frame.count)
                m_sameKeys = false;
            while (members.size() > frame.count)
                members.pop_back();
        } else {
            Array &elements = frame.value->get_ref<Array &>();
            while (elements.size() > frame.count)
                elements.pop_back();
        }
        if (m_frames.empty())
            deliver();
        return true;
    }

    void deliver()
    {
        // "/i/j...", into a buffer kept across records.
        m_pointer.clear();
        for (const std::size_t index : m_index) {
            char digits[20];
            char *first = std::end(digits);
            std::size_t rest = index;
            do {
                *--first = static_cast<char>('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            m_pointer += '/';
            m_pointer.append(first, std::end(digits));
        }
        ++m_index.back();
        ++m_records;
        m_onRecord(StreamedRecord{m_record, m_pointer, m_sameKeys});
    }

    std::size_t m_maxDepth;
    const OnRecord &m_onRecord;
    std::vector<Frame> m_frames;
    std::vector<std::size_t> m_index;
    std::size_t m_listDepth = 0;
    Json m_record;               // the record being built; kept for the next one
    Json *m_member = nullptr;    // the slot chosen by the last key
    bool m_sameKeys = false;     // the record being built has kept the previous record's keys so far
    std::string m_pointer;
    std::size_t m_records = 0;
    bool m_tooDeep = false;
    bool m_sawTopLevelArray = false;
    std::size_t m_errorOffset = 0;
    std::string m_errorText;
};

// Replays one chunk into the record builder; false when the builder stopped.
bool replay(const EventChunk &chunk, RecordSax &sax)
{
    const char *p = chunk.bytes.data();
    const char *const end = p + chunk.bytes.size();
    const auto number = [&p](auto v) {
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    };
    const auto text = [&p, &number]() {
        const auto size = static_cast<std::size_t>(number(std::uint64_t()));
        const std::string_view v(p, size);
        p += size;
        return v;
    };
    bool more = true;
    while (more && p < end) {
        switch (static_cast<SaxEvent>(*p++)) {
        case SaxEvent::Null: more = sax.null(); break;
        case SaxEvent::False: more = sax.boolean(false); break;
        case SaxEvent::True: more = sax.boolean(true); break;
        case SaxEvent::Integer: more = sax.number_integer(number(Json::number_integer_t())); break;
        case SaxEvent::Unsigned: more = sax.number_unsigned(number(Json::number_unsigned_t())); break;
        case SaxEvent::Float: more = sax.number_float(number(Json::number_float_t())); break;
        case SaxEvent::String: more = sax.string(text()); break;
        case SaxEvent::Key: more = sax.key(text()); break;
        case SaxEvent::StartObject: more = sax.start_object(); break;
        case SaxEvent::EndObject: more = sax.end_object(); break;
        case SaxEvent::StartArray: more = sax.start_array(); break;
        case SaxEvent::EndArray: more = sax.end_array(); break;
        }
    }
    return more;
}

// Line, column and excerpt of a byte offset, by reading the file again up to it (errors only).
// A dump is often one line of 400 MB: only a window around the offset is kept.
DecodeError locate(const QString &path, std::size_t offset, DecodeError::Kind kind)
{
    DecodeError error;
    error.kind = kind;
    error.offset = offset;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return error;
    constexpr std::size_t kBefore = 256;
    constexpr std::size_t kAfter = 128;
    std::size_t consumed = 0;
    int line = 1;
    int column = 1;  // in code points: a byte that continues a UTF-8 sequence does not count
    std::string before;
    std::string after;
    for (bool done = false; !done;) {
        const QByteArray chunk = file.read(1 << 20);
        if (chunk.isEmpty())
            break;
        for (qsizetype i = 0; i < chunk.size(); ++i, ++consumed) {
            const char c = chunk[i];
            if (consumed >= offset) {
                if (c == '\n' || after.size() >= kAfter) {
                    done = true;
                    break;
                }
                after += c;
                continue;
            }
            if (c == '\n') {
                ++line;
                column = 1;
                before.clear();
                continue;
            }
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
                ++column;
            before += c;
            if (before.size() >= 2 * kBefore)
                before.erase(0, kBefore);
        }
    }
    error.position = {line, column};
    error.excerpt = errorExcerptAt(before + after, before.size());
    return error;
}

// Where nesting first goes deeper than maxDepth: a scan that counts brackets outside strings, as
// the streamed parse does, to name the true line of a file nested too deeply.
std::size_t deepestOffset(const QString &path, std::size_t maxDepth)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    std::size_t depth = 0;
    std::size_t consumed = 0;
    bool inString = false;
    bool escaped = false;
    for (;;) {
        const QByteArray chunk = file.read(1 << 20);
        if (chunk.isEmpty())
            return consumed;
        for (qsizetype i = 0; i < chunk.size(); ++i, ++consumed) {
            const char c = chunk[i];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth)
                    return consumed;
            } else if ((c == '}' || c == ']') && depth > 0) {
                --depth;
            }
        }
    }
}

// The error a streamed parse stopped with, named as decode() names it for a pasted text: the text
// cut short, bytes that are not UTF-8, a NUL, or a syntax error in a file read strictly.
DecodeError streamError(const QString &path, std::size_t offset, const std::string &text)
{
    DecodeError::Kind kind = DecodeError::Kind::Syntax;
    if (text.find("ill-formed UTF-8") != std::string::npos)
        kind = DecodeError::Kind::InvalidUtf8;
    else if (text.find("U+0000") != std::string::npos)
        kind = DecodeError::Kind::NulByte;
    // At the last visible byte, or past it, whatever nlohmann calls it: the file was cut.
    const QFileInfo info(path);
    std::size_t end = std::size_t(std::max<qint64>(0, info.size()));
    if (kind == DecodeError::Kind::Syntax) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const qint64 tail = std::min<qint64>(info.size(), 4096);
            file.seek(info.size() - tail);
            const QByteArray last = file.read(tail);
            qsizetype i = last.size();
            while (i > 0 && (last[i - 1] == ' ' || last[i - 1] == '\n' || last[i - 1] == '\r' || last[i - 1] == '\t'))
                --i;
            end = std::size_t(info.size() - tail + i);
            if (offset < std::size_t(info.size()) && offset < std::size_t(info.size() - tail + last.size())
                && offset >= std::size_t(info.size() - tail) && last[qsizetype(offset - std::size_t(info.size() - tail))] == '\0')
                kind = DecodeError::Kind::NulByte;
        }
        if (offset + 1 >= end || text.find("unexpected end of input") != std::string::npos)
            kind = DecodeError::Kind::Truncated;
        // A stray byte outside a string that is not UTF-8 (part of a byte order mark, Latin-1
        // prose) is named for its encoding, not as bad syntax.
        if (kind == DecodeError::Kind::Syntax && file.isOpen() && file.seek(qint64(offset))) {
            const QByteArray here = file.read(4);
            if (!here.isEmpty() && static_cast<unsigned char>(here[0]) >= 0x80
                && firstByteProblem(std::string_view(here.constData(), std::size_t(here.size()))) == std::size_t(0))
                kind = DecodeError::Kind::InvalidUtf8;
        }
    }
    // nlohmann names a bad byte a little after it: the first bad byte near there is the one.
    if (kind == DecodeError::Kind::InvalidUtf8 || kind == DecodeError::Kind::NulByte) {
        QFile file(path);
        const std::size_t from = offset > 16 ? offset - 16 : 0;
        if (file.open(QIODevice::ReadOnly) && file.seek(qint64(from))) {
            const QByteArray window = file.read(24);
            qsizetype skip = 0;  // a window that starts inside a sequence
            while (skip < window.size() && skip < 3 && (static_cast<unsigned char>(window[skip]) & 0xC0) == 0x80)
                ++skip;
            if (const auto bad = firstByteProblem(std::string_view(window.constData() + skip, std::size_t(window.size() - skip))))
                offset = from + std::size_t(skip) + *bad;
        }
    }
    DecodeError error = locate(path, kind == DecodeError::Kind::Truncated ? end : offset, kind);
    if (kind == DecodeError::Kind::Syntax)
        error.expected = kStrictLargeFile;
    return error;
}

} // namespace

StreamResult streamRecords(const QString &path, std::size_t maxDepth,
                           const std::function<void(const StreamedRecord &)> &onRecord)
{
    StreamResult result;
    const std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(QFile::encodeName(path).constData(), "rb"),
                                                                &std::fclose);
    if (!file) {
        result.error = DecodeError{DecodeError::Kind::NoJson, 0, {}, std::strerror(errno), {}};
        return result;
    }
    // A UTF-8 BOM is skipped by the parser thread; error offsets count from after it.
    std::size_t bom = 0;
    EventChannel channel;
    std::thread parser([&file, &channel, &bom] { recordEvents(file.get(), channel, &bom); });
    // However this thread leaves (an exception from onRecord included), the parser stops first.
    struct StopParser
    {
        EventChannel &channel;
        std::thread &thread;
        ~StopParser()
        {
            channel.stop();
            thread.join();
        }
    } stopParser{channel, parser};

    RecordSax sax(maxDepth, onRecord);
    EventChunk chunk;
    bool stopped = false;
    bool failed = false;
    while (!stopped && channel.receive(&chunk)) {
        stopped = !replay(chunk, sax);
        const bool last = chunk.last;
        if (!stopped && chunk.failed) {
            sax.parseError(chunk.errorPosition, chunk.errorText);
            failed = true;
        }
        channel.recycle(std::move(chunk));
        if (last)
            break;
    }
    result.records = sax.records();
    if (!stopped && !failed) {
        // Whole JSON, but one value that is not an array (`1`, "text"): no records to read.
        if (!sax.topLevelArray())
            result.error = DecodeError{DecodeError::Kind::NoJson, 0, {}, {}, {}};
        return result;
    }
    channel.stop();  // no need to read on while the file is read again for the error's place
    // bom was set before the parser sent its first chunk, and one was received.
    if (sax.failedDeep()) {
        result.error = locate(path, deepestOffset(path, maxDepth), DecodeError::Kind::TooDeep);
    } else if (!sax.topLevelArray() && sax.errorText().empty()) {
        result.error = DecodeError{DecodeError::Kind::NoJson, 0, {}, {}, {}};
    } else {
        result.error = streamError(path, sax.errorOffset() + bom, sax.errorText());
    }
    return result;
}

} // namespace paytriage
