// What a server, a proxy or a gateway can answer, read by TossClient's readAnswer(). The input
// is a small text format (so seeds and regressions stay readable):
//
//     status 502
//     content-type text/html
//     content-length 1200
//     retry-after Tue, 01 Dec 2026 22:40:33 GMT
//     location https://elsewhere.example/
//     list
//     timeout | too-large | network <a QNetworkReply::NetworkError value>
//     <blank line>
//     the body, as bytes
//
// No crash or exception; a body is what was asked for (an array for a list call); an error says
// in words what happened; a Retry-After is read as 0 to 24 hours.

#include "fuzzcheck.h"

#include "net/tossclient.h"

#include <QMetaEnum>

#include <cstdint>

using namespace paytriage;

namespace {

Answer answerOf(const QByteArray &input)
{
    Answer answer;
    answer.maxBytes = 64 * 1024 * 1024;
    answer.timeoutMs = 20000;
    qsizetype at = 0;
    while (at < input.size()) {
        qsizetype end = input.indexOf('\n', at);
        if (end < 0)
            end = input.size();
        const QByteArray line = input.mid(at, end - at);
        at = end + 1;
        if (line.isEmpty())
            break;
        const qsizetype space = line.indexOf(' ');
        const QByteArray name = space < 0 ? line : line.left(space);
        const QByteArray value = space < 0 ? QByteArray() : line.mid(space + 1);
        if (name == "status")
            answer.status = value.toInt();
        else if (name == "content-type")
            answer.contentType = QString::fromUtf8(value);
        else if (name == "content-length")
            answer.promisedBytes = value.toLongLong();
        else if (name == "retry-after")
            answer.retryAfter = value;
        else if (name == "location")
            answer.location = value;
        else if (name == "list")
            answer.list = true;
        else if (name == "timeout")
            answer.timedOut = true;
        else if (name == "too-large")
            answer.tooLarge = true;
        else if (name == "network") {
            // Only values Qt defines (anything else is not a QNetworkReply::NetworkError at all).
            const int code = value.toInt();
            answer.networkError = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(code)
                                      ? static_cast<QNetworkReply::NetworkError>(code)
                                      : QNetworkReply::UnknownNetworkError;
            answer.networkErrorText = QString::fromUtf8(value);
        }
    }
    if (at < input.size())
        answer.bytes = input.mid(at);
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Answer answer = answerOf(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const QDateTime now(QDate(2026, 12, 1), QTime(22, 40, 0), Qt::UTC);
    const AnswerReading reading = readAnswer(answer, now);
    switch (reading.outcome) {
    case AnswerReading::Outcome::Body:
        FUZZ_CHECK(reading.body.has_value(), "a body comes with its JSON");
        FUZZ_CHECK(!answer.list || reading.body->is_array(), "a list call's body is an array");
        FUZZ_CHECK(answer.status < 300 && !answer.timedOut && !answer.tooLarge, "only a whole 2xx answer is a body");
        (void)reading.body->dump();
        break;
    case AnswerReading::Outcome::RetryableError:
    case AnswerReading::Outcome::Error:
        FUZZ_CHECK(!reading.error.describe().isEmpty(), "an error says what happened");
        if (reading.body)
            (void)reading.body->dump();
        break;
    }
    if (reading.retryAfterMs)
        FUZZ_CHECK(*reading.retryAfterMs >= 0 && *reading.retryAfterMs <= 24LL * 3600 * 1000,
                   "a Retry-After is read as 0 to 24 hours");
    return 0;
}
