import NIOCore
import NIOHTTP1

/// HTTP/1.0's rule that a connection closes after one answer unless the client asked to keep it
/// alive, and `Connection: Close` in any letter case, made the explicit `connection: close` that
/// Hummingbird looks for; each such answer then says `Connection: close` and the connection is
/// closed after it. (Hummingbird sees requests as HTTP types, without their version, and kept
/// every HTTP/1.0 connection open.)
final class KeepAliveRules: HTTPPartHandler {
    /// For each request not yet answered, in order: the connection header its answer carries.
    private var answers: [String?] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        if head.isKeepAlive {
            answers.append(head.version == .http1_0 ? "keep-alive" : nil)
        } else {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            answers.append("close")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if let connection = answers.first ?? nil { head.headers.replaceOrAdd(name: "connection", value: connection) }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            if !answers.isEmpty { answers.removeFirst() }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        }
    }
}
