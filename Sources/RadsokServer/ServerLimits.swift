/// Bounds on what one request may ask, so that no request can take the server down.
public struct ServerLimits: Sendable {
    /// Characters in `q`.
    public var queryLength = 1_000
    /// Hits per page.
    public var limit = 100
    /// Hits skipped by paging.
    public var offset = 10_000
    /// Bytes of a request body (a draft for prior wording).
    public var bodyBytes = 64 * 1024
    /// Seconds before a request is answered with 503 (its work is bounded by the limits above;
    /// this bounds what the client waits).
    public var seconds = 10.0

    public init() {}
}
