import NIOCore
import NIOHTTP1

/// A handler between NIO's HTTP/1 decoder and Hummingbird's codec: it sees request and response
/// parts with the request's HTTP version still known.
protocol HTTPPartHandler: ChannelDuplexHandler, RemovableChannelHandler
where InboundIn == HTTPServerRequestPart, InboundOut == HTTPServerRequestPart,
      OutboundIn == HTTPServerResponsePart, OutboundOut == HTTPServerResponsePart {}
