import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with the server's rules around it: the cap on open connections,
/// the idle and request-read timeouts, HTTP/1.0's close, and JSON answers to malformed requests.
struct RadsokChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: ServerLimits
    let connections: OpenConnections

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ServerLimits, connections: OpenConnections) {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.headerBytes, maxHeaderListSize: limits.headerBytes, maxHeaderFieldCount: 100)
        let configuration = HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(Int64(limits.idleSeconds * 1e9)), httpDecoderConfiguration: decoder)
        self.http1 = HTTP1Channel(responder: responder, configuration: configuration)
        self.limits = limits
        self.connections = connections
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = connections.open(channel)
        let limits = limits
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandlers(
                [RequestReadTimeout(seconds: limits.requestReadSeconds), MalformedRequests(targetBytes: limits.targetBytes),
                 KeepAliveRules(), ConnectionActivity(connections)],
                position: .after(decoder))
            if !admitted { try pipeline.addHandler(RefuseConnection(), position: .first) }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
