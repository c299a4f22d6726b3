#include "store/snapshotcase.h"

#include "model/input.h"
#include "util/jsonutil.h"

#include <optional>

namespace paytriage {

namespace {

// A page of the merchant-wide transactions or settlements list holds every payment's records:
// the case takes this payment's, as the lookup that received it did (CaseFetcher), and nothing
// when none is (an empty page is not a document of the case). Null when the body is not such a
// page that parses.
std::optional<Json> recordsOfPayment(const SnapshotBody &body, const std::string &paymentKey)
{
    if ((body.source != QLatin1String("transactions") && body.source != QLatin1String("settlements")) || paymentKey.empty())
        return std::nullopt;
    Json page = Json::parse(body.content.constData(), body.content.constData() + body.content.size(), nullptr, false);
    if (!page.is_array())
        return std::nullopt;
    Json mine = Json::array();
    for (Json &record : page)
        if (record.is_object() && json::string(record, "paymentKey") == paymentKey)
            mine.push_back(std::move(record));
    return mine;
}

} // namespace

Case caseOfSnapshot(const Snapshot &snapshot)
{
    Case kase;
    const std::string paymentKey = snapshot.paymentKey.toStdString();
    for (const SnapshotBody &body : snapshot.bodies) {
        DecodeOptions options;
        options.buildSourceMap = false;
        const QString label = body.method.isEmpty() ? body.source : body.method + QLatin1Char(' ') + body.path;
        const DocumentSource source{label.toStdString(), body.path.toStdString(), body.status,
                                    body.receivedAtMs ? body.receivedAtMs : snapshot.capturedAtMs};
        if (std::optional<Json> mine = recordsOfPayment(body, paymentKey)) {
            if (mine->empty())
                continue;
            Document d;
            d.kind = classify(*mine, &d.payloadPointer);
            d.value = std::move(*mine);
            d.source = source;
            kase.documents.push_back(std::move(d));
            continue;
        }
        LoadedCase loaded = loadText(body.content.toStdString(), source, options);
        for (Document &d : loaded.kase.documents)
            kase.documents.push_back(std::move(d));
    }
    kase.index();
    return kase;
}

std::int64_t analysedAsOf(const Snapshot &snapshot)
{
    return snapshot.asOfMs.value_or(snapshot.capturedAtMs);
}

} // namespace paytriage
