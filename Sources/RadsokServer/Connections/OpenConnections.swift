import NIOCore
import Synchronization

/// The server's open connections, counted so that one past `ServerLimits.connections` is
/// refused: 20,200 idle connections once used up every file descriptor, and then no one could
/// connect at all, nor the server open the index.
final class OpenConnections: Sendable {
    let limit: Int
    private let count = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    var current: Int { count.load(ordering: .relaxed) }

    /// Counts `channel` until it closes; false when it is one too many and must be refused.
    func open(_ channel: any Channel) -> Bool {
        let now = count.wrappingAdd(1, ordering: .relaxed).newValue
        channel.closeFuture.whenComplete { [self] _ in count.wrappingSubtract(1, ordering: .relaxed) }
        return now <= limit
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
        let reply = ChannelReply.bytes(.serviceUnavailable, "the server has too many open connections; try again in a moment")
        context.writeAndFlush(wrapOutboundOut(reply)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
