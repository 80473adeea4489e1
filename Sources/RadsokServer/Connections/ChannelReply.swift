import Foundation
import NIOCore
import NIOHTTP1

/// A JSON error written below the router, by the channel handlers that refuse a request or a
/// connection before it reaches a route. Always closes: what follows on the connection is not
/// to be trusted to be the start of a request.
enum ChannelReply {
    static func head(_ status: HTTPResponseStatus, bodyBytes: Int) -> HTTPResponseHead {
        HTTPResponseHead(version: .http1_1, status: status, headers: [
            "content-type": "application/json; charset=utf-8", "content-length": String(bodyBytes),
            "cache-control": "no-store", "x-content-type-options": "nosniff", "connection": "close",
        ])
    }

    static func body(_ message: String) -> ByteBuffer {
        ByteBuffer(data: JSONBody.data(["error": message]))
    }

    /// Writes the reply through `context` (a handler between the HTTP decoder and the codec) and
    /// closes the connection once it is sent.
    static func send(_ status: HTTPResponseStatus, _ message: String, context: ChannelHandlerContext) {
        let body = body(message)
        context.write(NIOAny(HTTPServerResponsePart.head(head(status, bodyBytes: body.readableBytes))), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).assumeIsolated()
            .whenComplete { _ in context.close(promise: nil) }
    }

    /// The reply as bytes on the wire, for a handler in front of the HTTP codec.
    static func bytes(_ status: HTTPResponseStatus, _ message: String) -> ByteBuffer {
        let body = body(message)
        var text = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        for (name, value) in head(status, bodyBytes: body.readableBytes).headers { text += "\(name): \(value)\r\n" }
        var buffer = ByteBuffer(string: text + "\r\n")
        buffer.writeImmutableBuffer(body)
        return buffer
    }
}
