#pragma once

// The events of a streamed parse, passed from the parser thread to the thread that builds the
// records (see streamRecords in input.cpp). Internal to paytriage_core.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace paytriage {

// The parse runs on a thread of its own, a few chunks ahead of the records: nlohmann's lexer is
// the floor of the whole analysis, and building the records and running the rules on the calling
// thread meanwhile takes them off its path. The parser thread records its SAX events into chunks
// of bytes, which the calling thread replays into the record builder in order; so records,
// pointers and errors are exactly those of a parse on one thread. (On the project's 2-core VM a
// 1M-record dump went from 1.91 s to 1.79 s against a bare parse of 1.51 s.)
enum class SaxEvent : std::uint8_t {
    Null, False, True, Integer, Unsigned, Float, String, Key, StartObject, EndObject, StartArray, EndArray,
};

struct EventChunk
{
    std::string bytes;          // events back to back: a tag, then 8 bytes of number or of length + text
    std::uint64_t offset = 0;   // bytes of the file read when the chunk began (for a depth error)
    bool last = false;          // the parse ended with these events
    bool failed = false;        // … on a syntax error or a fault:
    std::size_t errorPosition = 0;
    std::string errorText;
};

// Chunks from the parser thread to the calling thread, at most a few ahead; the calling thread can
// stop the parser (a record too deep, a list that is not one, an exception in its callback).
class EventChannel final
{
public:
    static constexpr std::size_t kAhead = 4;

    EventChunk blank()
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return {};
        EventChunk chunk = std::move(m_spare.back());
        m_spare.pop_back();
        return chunk;
    }
    void send(EventChunk &&chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < kAhead || m_stopped; });
        if (m_stopped)
            return;
        m_queue.push_back(std::move(chunk));
        m_changed.notify_all();
    }
    // False once stopped and every sent chunk was taken.
    bool receive(EventChunk *chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopped; });
        if (m_queue.empty())
            return false;
        *chunk = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return true;
    }
    void recycle(EventChunk &&chunk)
    {
        chunk.bytes.clear();
        chunk.last = chunk.failed = false;
        chunk.errorText.clear();
        std::lock_guard lock(m_mutex);
        m_spare.push_back(std::move(chunk));
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<EventChunk> m_queue;
    std::vector<EventChunk> m_spare;
    bool m_stopped = false;
};

// The parser thread's whole work: parses FILE (after a UTF-8 BOM, whose length goes to *bom
// before the first chunk is sent) into chunks of events for the channel, the last one marked.
void recordEvents(std::FILE *file, EventChannel &channel, std::size_t *bom);

} // namespace paytriage
