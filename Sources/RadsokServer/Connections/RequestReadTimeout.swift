import NIOCore
import NIOHTTP1

/// Closes a connection whose client takes longer than `seconds` to send one request, head and
/// body, from its first byte: "slowloris" clients that send a byte a second to hold a connection
/// for ever. An idle timeout does not see them, since bytes keep coming; nor does the cap on
/// connections, which they fill. A request not yet begun to be answered gets a 408 first.
final class RequestReadTimeout: HTTPPartHandler {
    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Whether the request being read has had its head passed on (the router may answer it).
    private var headPassed = false
    /// Whether the bytes of the latest read completed a request.
    private var endInThisRead = false
    /// Requests passed on whose responses have not ended.
    private var unanswered = 0

    init(seconds: Double) {
        self.timeout = .nanoseconds(Int64(seconds * 1e9))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headPassed = true
            unanswered += 1
            start(context)
        case .body:
            break
        case .end:
            headPassed = false
            endInThisRead = true
            timer?.cancel()
            timer = nil
        }
        context.fireChannelRead(data)
    }

    /// Bytes arrived that did not finish a request: a request has begun and its clock runs.
    func channelReadComplete(context: ChannelHandlerContext) {
        if !endInThisRead { start(context) }
        endInThisRead = false
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered = max(0, unanswered - 1) }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    private func start(_ context: ChannelHandlerContext) {
        guard timer == nil else { return }
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(in: timeout) { [self] in expire(context) }
    }

    private func expire(_ context: ChannelHandlerContext) {
        timer = nil
        if headPassed || unanswered > 0 {
            context.close(promise: nil)
        } else {
            ChannelReply.send(.requestTimeout, "the request was not sent in time", context: context)
        }
    }
}
