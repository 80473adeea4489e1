import Hummingbird

/// A path the server answers and the methods it takes there. The router's routes and
/// `MethodRules` (OPTIONS, 405, 501) are made from one list of these, so they cannot disagree.
struct Endpoint: Sendable {
    /// A router pattern: literal components, and `**` last for one or more of any.
    let path: String
    /// What a handler answers; HEAD and OPTIONS come with every GET endpoint and every endpoint.
    let methods: [HTTPRequest.Method]

    private var components: [Substring] { path.split(separator: "/") }

    /// Whether `requestPath` (as in the request, e.g. `/api/cases/8/1/2025`) is this endpoint's.
    func matches(_ requestPath: String) -> Bool {
        let wanted = components
        let given = requestPath.split(separator: "/")
        if wanted.last == "**" {
            return given.count >= wanted.count && zip(wanted.dropLast(), given).allSatisfy { $0 == $1 }
        }
        return wanted == given
    }

    func accepts(_ method: HTTPRequest.Method) -> Bool {
        methods.contains(method) || (method == .head && methods.contains(.get)) || method == .options
    }

    /// The `Allow` header's value.
    var allow: String {
        (methods + (methods.contains(.get) ? [.head] : []) + [.options]).map(\.rawValue).joined(separator: ", ")
    }
}

/// Methods the router does not route itself: OPTIONS answered with `Allow`, a known method on a
/// path that does not take it 405 (with `Allow`), a method this server has no use for anywhere
/// (TRACE, CONNECT, WebDAV's) 501. Paths that are no endpoint fall through to the router's 404.
struct MethodRules: RouterMiddleware {
    typealias Context = BasicRequestContext
    let endpoints: [Endpoint]

    /// Methods that some resource here could take; any other is "not implemented".
    static let known: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .delete, .patch, .options]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = endpoints.first(where: { $0.matches(request.uri.path) }) else {
            return try await next(request, context)
        }
        if request.method == .options {
            return Response(status: .noContent, headers: [.allow: endpoint.allow])
        }
        if endpoint.accepts(request.method) { return try await next(request, context) }
        guard Self.known.contains(request.method) else { return APIError.notImplemented.response }
        return APIError.methodNotAllowed(endpoint.allow).response
    }
}
