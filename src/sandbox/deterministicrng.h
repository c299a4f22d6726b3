#pragma once

// Random numbers that are the same on every platform and standard library: std::mt19937_64 is
// specified to the bit, but std::uniform_int_distribution and friends are not, so ids generated
// through them would differ between libstdc++, libc++ and MSVC. Everything here maps the engine's
// raw 64-bit output by hand.

#include <cstdint>
#include <random>

namespace paytriage {

// A 64-bit mix (SplitMix64's finaliser): turns neighbouring seeds into unrelated ones and keys
// derived from an index into ones that look random.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

class DeterministicRng final
{
public:
    explicit DeterministicRng(std::uint64_t seed) : m_engine(mix64(seed)) {}

    std::uint64_t next() { return m_engine(); }

    // Uniform in [0, n), n > 0. Rejection keeps it unbiased: draws from the incomplete last
    // block of n values are thrown away.
    std::uint64_t below(std::uint64_t n)
    {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t x = next();
        while (x >= limit)
            x = next();
        return x % n;
    }

    // Uniform in [lo, hi], lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // Uniform in [0, 1) from the top 53 bits, exact in a double.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double probability) { return unit() < probability; }

private:
    std::mt19937_64 m_engine;
};

} // namespace paytriage
