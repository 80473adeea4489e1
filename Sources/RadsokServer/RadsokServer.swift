import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import SearchIndex

/// `radsok serve`: the JSON API and the web page over one index, until SIGINT or SIGTERM.
public struct RadsokServer: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var limits = ServerLimits()
    public let index: IndexHandle

    public init(index: IndexHandle) {
        self.index = index
    }

    static let endpoints = APIRoutes.endpoints + WebPage.endpoints + DocumentFileRoute.endpoints

    /// Every route: the API under `/api`, the page at `/` and its script at `/app.js`; HEAD for
    /// every GET, OPTIONS, 405 and 501 by `MethodRules`.
    public func makeRouter() -> Router<BasicRequestContext> {
        makeRouter(work: WorkLimiter(limits))
    }

    func makeRouter(work: WorkLimiter) -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: JSONErrors())
        router.add(middleware: MethodRules(endpoints: Self.endpoints))
        APIRoutes(index: index, limits: limits, work: work, logger: Self.logger).add(to: router)
        WebPage.add(to: router)
        DocumentFileRoute(index: index).add(to: router)
        return router
    }

    static let logger: Logger = {
        var logger = Logger(label: "radsok")
        logger.logLevel = .warning
        return logger
    }()

    public func makeApplication(onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        makeApplication(work: WorkLimiter(limits), onRunning: onRunning)
    }

    func makeApplication(work: WorkLimiter, onRunning: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
        let limits = limits
        let connections = OpenConnections(limit: limits.connections)
        return Application(
            router: makeRouter(work: work),
            server: HTTPServerBuilder { responder in
                RadsokChannel(responder: responder, limits: limits, connections: connections)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "radsok"),
            onServerRunning: { [host, port] channel in
                let port = channel.localAddress?.port ?? port
                onRunning("http://\(host):\(port)/")
            },
            logger: Self.logger)
    }

    /// Serves until a termination signal, then finishes the requests in flight and returns.
    /// While serving, memory freed after a burst of requests goes back to the system when quiet.
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        let work = WorkLimiter(limits)
        let trimming = Task.detached { await MemoryTrim.run(every: 5) { work.running == 0 } }
        defer { trimming.cancel() }
        try await makeApplication(work: work, onRunning: onRunning).runService()
    }
}

/// Errors the router raises itself (no such path, a malformed request) as JSON `{"error": ...}`
/// like every other API error. The path is not echoed: it may look like a file's.
struct JSONErrors: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such page or endpoint" : error.status.reasonPhrase)
            return APIError(status: error.status, message: message).response
        }
    }
}

/// Headers that keep the page and its answers from being framed, sniffed or given scripts from
/// elsewhere or inline: the page's script is `/app.js`.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext
    static let policy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        // A PDF is shown by the browser's own viewer, which a page's policy would block.
        if response.headers[.contentType] != "application/pdf" { response.headers[.contentSecurityPolicy] = Self.policy }
        return response
    }
}
