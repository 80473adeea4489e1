import Foundation
import Hummingbird
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

    /// Every route: the API under `/api`, the page at `/`.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.add(middleware: JSONErrors())
        APIRoutes(index: index, limits: limits).add(to: router)
        WebPage.add(to: router)
        return router
    }

    public func makeApplication(onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "radsok")
        logger.logLevel = .warning
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "radsok"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                onRunning("http://\(host):\(port)/")
            },
            logger: logger)
    }

    /// Serves until a termination signal, then finishes the requests in flight and returns.
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        try await makeApplication(onRunning: onRunning).runService()
    }
}

/// Errors the router raises itself (no such path, a malformed request) as JSON `{"error": ...}`
/// like every other API error.
struct JSONErrors: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such page or endpoint: \(request.uri.path)" : error.status.reasonPhrase)
            return APIError(status: error.status, message: message).response
        }
    }
}

/// Headers that keep the page and its answers from being framed, sniffed or given scripts from
/// elsewhere.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        return response
    }
}
