#include "model/saxevents.h"

#include "model/input.h"

#include <cstring>
#include <exception>

// The parser's lexer is instantiated here, in a file of its own: GCC inlines its per-character
// helpers (std::string::push_back, get) only when the file leaves enough of its inlining budget,
// and the lexer is the floor of a streamed analysis.

namespace paytriage {
namespace {

// The SAX handler on the parser thread: writes each event into the current chunk.
class EventRecorder final
{
public:
    // Each chunk handed over may wake the other thread, and in a VM a wake-up is dear: at 1M
    // records, chunks of 32 KiB took 2.15 s, of 256 KiB 1.87 s, of 1 MiB 1.79 s (4 MiB: no better).
    static constexpr std::size_t kChunkBytes = std::size_t(1) << 20;

    EventRecorder(EventChannel &channel, const ChunkedFileReader &reader)
        : m_channel(channel)
        , m_reader(reader)
        , m_chunk(channel.blank())
    {
    }

    bool null() { return put(SaxEvent::Null); }
    bool boolean(bool v) { return put(v ? SaxEvent::True : SaxEvent::False); }
    bool number_integer(Json::number_integer_t v) { return number(SaxEvent::Integer, v); }
    bool number_unsigned(Json::number_unsigned_t v) { return number(SaxEvent::Unsigned, v); }
    bool number_float(Json::number_float_t v, const std::string &) { return number(SaxEvent::Float, v); }
    bool string(std::string &v) { return text(SaxEvent::String, v); }
    bool binary(Json::binary_t &) { return put(SaxEvent::Null); }  // not produced by JSON input
    bool key(std::string &k) { return text(SaxEvent::Key, k); }
    bool start_object(std::size_t) { return put(SaxEvent::StartObject); }
    bool end_object() { return put(SaxEvent::EndObject); }
    bool start_array(std::size_t) { return put(SaxEvent::StartArray); }
    bool end_array() { return put(SaxEvent::EndArray); }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &e)
    {
        fail(position, e.what());
        return false;
    }

    // The parse ended: the last chunk goes, with the error if there was one.
    void finish()
    {
        m_chunk.last = true;
        m_channel.send(std::move(m_chunk));
    }
    std::size_t failedAt() const { return m_chunk.failed ? m_chunk.errorPosition : 0; }
    void fail(std::size_t position, std::string text)
    {
        m_chunk.failed = true;
        m_chunk.errorPosition = position;
        m_chunk.errorText = std::move(text);
    }

private:
    bool put(SaxEvent event)
    {
        m_chunk.bytes.push_back(static_cast<char>(event));
        return sent();
    }
    template<typename T>
    bool number(SaxEvent event, T v)
    {
        char bytes[1 + sizeof v];
        bytes[0] = static_cast<char>(event);
        std::memcpy(bytes + 1, &v, sizeof v);
        m_chunk.bytes.append(bytes, sizeof bytes);
        return sent();
    }
    bool text(SaxEvent event, const std::string &v)
    {
        const std::uint64_t size = v.size();
        char head[1 + sizeof size];
        head[0] = static_cast<char>(event);
        std::memcpy(head + 1, &size, sizeof size);
        m_chunk.bytes.append(head, sizeof head);
        m_chunk.bytes.append(v);
        return sent();
    }
    // A full chunk goes to the calling thread; false ends the parse when that thread stopped it.
    bool sent()
    {
        if (m_chunk.bytes.size() < kChunkBytes)
            return true;
        m_channel.send(std::move(m_chunk));
        m_chunk = m_channel.blank();
        m_chunk.offset = m_reader.consumed();
        return !m_channel.stopped();
    }

    EventChannel &m_channel;
    const ChunkedFileReader &m_reader;
    EventChunk m_chunk;
};

} // namespace

void recordEvents(std::FILE *file, EventChannel &channel, std::size_t *bom)
{
    ChunkedFileReader reader(file);
    EventRecorder recorder(channel, reader);
    try {
        auto it = reader.iterator();
        const ChunkedFileReader::Iterator end;
        *bom = ChunkedFileReader::skipByteOrderMark(it);
        const bool whole = Json::sax_parse(it, end, &recorder, nlohmann::detail::input_format_t::json, true, true);
        // The parser ends its input at a NUL byte, so it cannot have read past the first one: a
        // parse that ended well, or failed there, stopped at the NUL (positions are 1-based).
        if (const auto nul = reader.firstNul()) {
            const std::size_t at = std::size_t(*nul) - *bom + 1;
            if (whole || recorder.failedAt() >= at)
                recorder.fail(at, "NUL byte: U+0000 where JSON has none");
        }
    } catch (const std::exception &e) {
        recorder.fail(0, e.what());  // out of memory, most likely
    }
    recorder.finish();
}

} // namespace paytriage
