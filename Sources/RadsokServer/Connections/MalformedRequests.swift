import NIOCore
import NIOHTTP1

/// Requests that cannot be routed, answered in JSON like every other error (NIO's own answer is
/// an empty 400): unparseable ones 400, an unknown method 501, headers over the limit 431, a
/// target over the limit 414. The connection is closed after the answer; one whose earlier
/// requests are still being answered gets it after them. A request broken in its body (a bad
/// chunk) is answered at once: the route waiting for the rest of that body would wait in vain.
final class MalformedRequests: HTTPPartHandler {
    private let targetBytes: Int
    /// Requests passed on whose responses have not ended.
    private var unanswered = 0
    private var refusal: (status: HTTPResponseStatus, message: String)?
    private var replied = false
    /// Whether the latest request passed on has had its head but not yet its end.
    private var readingBody = false
    /// Whether a response has begun and not ended.
    private var responding = false

    init(targetBytes: Int) {
        self.targetBytes = targetBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refusal == nil else { return }
        if case .head(let head) = unwrapInboundIn(data) {
            guard head.uri.utf8.count <= targetBytes else {
                return refuse(.uriTooLong, "the request target is longer than \(targetBytes / 1024) KB", context: context)
            }
            unanswered += 1
            readingBody = true
        } else if case .end = unwrapInboundIn(data) {
            readingBody = false
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        switch error {
        case .invalidMethod: refuse(.notImplemented, "this server does not implement that method", context: context)
        case .headerOverflow:
            refuse(.requestHeaderFieldsTooLarge, "the request's headers or target are too large", context: context)
        default: refuse(.badRequest, "the request is not valid HTTP/1.1", context: context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        switch unwrapOutboundIn(data) {
        case .head: responding = true
        case .body: break
        case .end:
            responding = false
            unanswered = max(0, unanswered - 1)
            replyIfDue(context)
        }
    }

    private func refuse(_ status: HTTPResponseStatus, _ message: String, context: ChannelHandlerContext) {
        guard refusal == nil else { return }
        refusal = (status, message)
        replyIfDue(context)
    }

    private func replyIfDue(_ context: ChannelHandlerContext) {
        let brokenBody = readingBody && unanswered == 1 && !responding
        guard let refusal, unanswered == 0 || brokenBody, !replied else { return }
        replied = true
        ChannelReply.send(refusal.status, refusal.message, context: context)
    }
}
