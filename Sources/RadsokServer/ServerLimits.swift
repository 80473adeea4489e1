import Foundation

/// Bounds on what one request, one client and all clients together may ask, so that no request
/// and no crowd of idle or slow clients can take the server down or starve the others.
public struct ServerLimits: Sendable {
    // MARK: One request

    /// Characters in `q`.
    public var queryLength = 1_000
    /// Hits per page.
    public var limit = 100
    /// Hits skipped by paging.
    public var offset = 10_000
    /// Bytes of a request body (a draft for prior wording).
    public var bodyBytes = 64 * 1024
    /// Seconds a request's work may take, waiting for a worker included; then it answers 503.
    /// The work is handed a `Deadline` it checks in its loops, so it stops and frees its thread
    /// instead of running on unseen.
    public var seconds = 10.0
    /// Bytes of a request target (path and query); longer ones are answered 414. The longest
    /// allowed `q`, percent-encoded, fits several times over.
    public var targetBytes = 8 * 1024
    /// Bytes of one header line and of all header lines together; more is answered 431. A
    /// browser's request is well under 2 KB.
    public var headerBytes = 16 * 1024

    // MARK: Work

    /// Requests whose work (ranking, snippets, prior wording) runs at once, each on a thread of
    /// its own so that the system shares the cores among them: a 2 ms search is not queued behind
    /// a slow one, and slow ones cannot take more threads than this. Four per core, at least 4.
    public var workers = max(4, 4 * ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker; past this they are answered 503 "busy" at once
    /// rather than queued without bound.
    public var waiting = 64
    /// Seconds a request waits for a worker before it is answered 503 "busy".
    public var waitSeconds = 2.0

    // MARK: Connections

    /// Open connections; one more is answered 503 and closed at once, so that idle clients
    /// cannot use up the process's file descriptors. At most half the descriptor limit
    /// (`ulimit -n`), and at most 2,000 (about 15 KB of memory each while idle).
    public var connections = ServerLimits.defaultConnections()
    /// Seconds a keep-alive connection may stay idle between requests before it is closed.
    /// Also how long a new connection may stay silent.
    public var idleSeconds = 15.0
    /// Seconds a client has, from the first byte of a request, to send all of it, head and body;
    /// then it is answered 408 and closed. Stops "slowloris" clients that trickle a byte at a
    /// time to hold a connection forever, which an idle timeout alone does not see.
    public var requestReadSeconds = 10.0

    public init() {}

    static func defaultConnections() -> Int {
        var files = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &files) == 0, files.rlim_cur != rlim_t.max else { return 2_000 }
        return max(16, min(2_000, Int(files.rlim_cur) / 2))
    }
}
