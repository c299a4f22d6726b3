#pragma once

#include <cstdint>

namespace paytriage {

// Time-based rules read the time from here, so tests pin it.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;  // ms since the epoch, UTC
};

class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(std::int64_t msSinceEpoch) : m_now(msSinceEpoch) {}
    std::int64_t nowMs() const override { return m_now; }
    void set(std::int64_t msSinceEpoch) { m_now = msSinceEpoch; }

private:
    std::int64_t m_now;
};

} // namespace paytriage
