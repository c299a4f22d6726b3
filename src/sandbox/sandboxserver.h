#pragma once

// A local emulator of the read-only Toss Payments endpoints (and the Apps-in-Toss order status)
// on 127.0.0.1: real paths, Basic auth, Toss error objects, the seed scenarios and a generated
// merchant, with faults on demand. For tests, demo mode and `paytriage-sandbox`.
//
// Answers are written to the socket by hand (QAbstractHttpServer::handleRequest), not through
// QHttpServerResponder, because the faults need what a responder cannot do: abort without a
// response, promise more bytes than are sent, trickle, or stream a body too large to hold.

#include "sandboxoptions.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace paytriage {

class DeterministicRng;
class SandboxData;

class SandboxServer final : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only (never another interface: the sandbox accepts any test key).
    // Port 0 picks a free port; url() tells which.
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    QUrl url() const;  // "http://127.0.0.1:PORT"; empty when not listening
    QString errorString() const;

    const SandboxOptions &options() const { return m_options; }
    const SandboxData &data() const { return *m_data; }

Q_SIGNALS:
    // Once per request, when its answer (or fault) has been chosen. status is 0 when the
    // connection is reset without one. Carries no header, so never a key.
    void requestHandled(const QString &method, const QString &target, int status, const QString &fault);

private:
    class HttpFront;
    struct Response;
    struct Routed;

    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    Routed route(const QHttpServerRequest &request) const;
    std::optional<SandboxFault> chooseFault(const QHttpServerRequest &request, const Routed &routed,
                                            Response *headerError);
    void send(QTcpSocket *socket, Response response, const SandboxFault &fault, bool inApp, bool closeAfter);

    SandboxOptions m_options;
    std::unique_ptr<SandboxData> m_data;
    std::unique_ptr<DeterministicRng> m_faultRng;
    std::unique_ptr<HttpFront> m_http;  // after m_data: destroyed first, with every socket still streaming
    QTcpServer *m_tcp = nullptr;        // owned by m_http
    QString m_error;
};

} // namespace paytriage
