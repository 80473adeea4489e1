import Dispatch
import NIOCore
import NIOHTTP1
import Synchronization

/// The server's open connections, at most `limit` of them: 20,200 idle connections once used up
/// every file descriptor, and then no one could connect at all.
///
/// At the cap, a new connection takes the place of the one that has waited longest without a
/// request in progress (idle keep-alive, silent, or still trickling its request head), as nginx
/// reuses idle keep-alive connections: a crowd of idle clients then cannot lock out a new one for
/// the whole idle timeout. Only when every connection has a request in progress is the new one
/// refused (503, closed at once).
final class OpenConnections: Sendable {
    let limit: Int
    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    private struct Entry: Sendable {
        let channel: any Channel
        /// Requests read whose responses have not ended.
        var inProgress = 0
        /// Uptime in nanoseconds when the connection last had nothing in progress.
        var idleSince = DispatchTime.now().uptimeNanoseconds
    }

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var current: Int { entries.withLock { $0.count } }

    /// Counts `channel` until it closes, making room for it if need be; false when every
    /// connection has a request in progress and this one must be refused.
    func open(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let (admitted, evicted) = entries.withLock { entries -> (Bool, (any Channel)?) in
            var evicted: (any Channel)?
            if entries.count >= limit {
                let idle = entries.filter { $0.value.inProgress == 0 }
                guard let oldest = idle.min(by: { $0.value.idleSince < $1.value.idleSince }) else { return (false, nil) }
                entries[oldest.key] = nil
                evicted = oldest.value.channel
            }
            entries[id] = Entry(channel: channel)
            return (true, evicted)
        }
        evicted?.close(promise: nil)
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in entries.withLock { $0[id] = nil } }
        }
        return admitted
    }

    /// A request began (`true`) or its response ended (`false`) on `channel`.
    func request(on channel: any Channel, began: Bool) {
        entries.withLock { entries in
            let id = ObjectIdentifier(channel)
            guard var entry = entries[id] else { return }
            entry.inProgress = max(0, entry.inProgress + (began ? 1 : -1))
            if entry.inProgress == 0 { entry.idleSince = DispatchTime.now().uptimeNanoseconds }
            entries[id] = entry
        }
    }
}

/// Tells `OpenConnections` when a connection has a request in progress, so that it is not the
/// one closed to make room.
final class ConnectionActivity: HTTPPartHandler {
    private let connections: OpenConnections

    init(_ connections: OpenConnections) {
        self.connections = connections
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { connections.request(on: context.channel, began: true) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { connections.request(on: context.channel, began: false) }
        context.write(data, promise: promise)
    }
}

/// Put first in a refused connection's pipeline: answers 503 at once and closes, reading nothing.
final class RefuseConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    private func refuse(_ context: ChannelHandlerContext) {
        let reply = ChannelReply.bytes(.serviceUnavailable,
                                       "the server has too many requests in progress; try again in a moment")
        context.writeAndFlush(wrapOutboundOut(reply)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
