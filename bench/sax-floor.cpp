// paytriage-sax-floor: the floor under `paytriage-cli analyze` on a streamed file. One bare
// nlohmann SAX pass over FILE, read through the same paytriage::ChunkedFileReader iterator that
// paytriage::streamRecords uses, with a handler that builds nothing. The only bookkeeping is a
// depth counter, to count the objects that are elements of the top-level array.
//
//   paytriage-sax-floor FILE      prints the number of top-level array elements that are objects
//
// Whatever paytriage-cli spends above this time is PayTriage's own work (building each record,
// the rules, the report), not the parser's or the reader's.

#include "model/input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

class FloorSax final
{
public:
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(paytriage::Json::number_integer_t) { return true; }
    bool number_unsigned(paytriage::Json::number_unsigned_t) { return true; }
    bool number_float(paytriage::Json::number_float_t, const std::string &) { return true; }
    bool string(std::string &) { return true; }
    bool binary(paytriage::Json::binary_t &) { return true; }
    bool key(std::string &) { return true; }

    bool start_object(std::size_t)
    {
        if (++m_depth == 2 && m_topIsArray)
            ++m_elements;
        return true;
    }
    bool end_object()
    {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t)
    {
        if (++m_depth == 1)
            m_topIsArray = true;
        return true;
    }
    bool end_array()
    {
        --m_depth;
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &e)
    {
        m_errorPosition = position;
        m_error = e.what();
        return false;
    }

    std::size_t elements() const { return m_elements; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &error() const { return m_error; }

private:
    std::size_t m_depth = 0;   // depth 1: inside the top-level array; its elements open depth 2
    bool m_topIsArray = false;
    std::size_t m_elements = 0;
    std::size_t m_errorPosition = 0;
    std::string m_error;
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: paytriage-sax-floor FILE\n");
        return 2;
    }
    std::FILE *file = std::fopen(argv[1], "rb");
    if (!file) {
        std::fprintf(stderr, "paytriage-sax-floor: %s: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    paytriage::ChunkedFileReader reader(file);
    auto it = reader.iterator();
    const paytriage::ChunkedFileReader::Iterator end;
    paytriage::ChunkedFileReader::skipByteOrderMark(it);  // as streamRecords does
    FloorSax sax;
    // Same call as streamRecords: paytriage::Json (ordered_json), strict, the whole input.
    const bool ok = paytriage::Json::sax_parse(it, end, &sax, nlohmann::detail::input_format_t::json, true, true);
    std::fclose(file);
    if (!ok) {
        std::fprintf(stderr, "paytriage-sax-floor: %s: byte %zu: %s\n", argv[1], sax.errorPosition(), sax.error().c_str());
        return 1;
    }
    std::printf("%zu\n", sax.elements());
    return 0;
}
