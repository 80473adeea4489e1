import Foundation
import HummingbirdTesting
import Testing

@Suite("Methods: HEAD and OPTIONS everywhere, 405 and 501 in JSON")
struct MethodTests {
    static let getRoutes = ["/", "/app.js", "/api/health", "/api/search?q=helsedata", "/api/cases/2/1/2025",
                            "/api/similar?text=habilitet", "/api/timeline?q=helsedata"]

    @Test("HEAD answers like GET without a body", arguments: getRoutes)
    func head(uri: String) async throws {
        try await withServer { client in
            let get = try await client.execute(uri: uri, method: .get)
            let head = try await client.execute(uri: uri, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            // tookMs varies the length of these
            if !uri.contains("search"), !uri.contains("similar"), !uri.contains("timeline") {
                #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            }
        }
    }

    @Test("OPTIONS is 204 with the methods the path takes", arguments: [
        ("/api/search", "GET, HEAD, OPTIONS"), ("/api/timeline", "GET, HEAD, OPTIONS"),
        ("/api/similar", "GET, POST, HEAD, OPTIONS"),
        ("/api/cases/8/1/2025", "GET, HEAD, OPTIONS"), ("/", "GET, HEAD, OPTIONS"),
    ])
    func options(uri: String, allow: String) async throws {
        try await withServer { client in
            let response = try await client.execute(uri: uri, method: .options)
            #expect(response.status == .noContent)
            #expect(response.headers[.allow] == allow)
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test("OPTIONS on no endpoint is 404")
    func optionsUnknown() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/api/nothing", method: .options)
            #expect(response.status == .notFound)
        }
    }

    @Test("a method a path does not take is 405 with Allow; one no path takes is 501; both in JSON")
    func notAllowed() async throws {
        try await withServer { client in
            let delete = try await client.execute(uri: "/api/similar", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, POST, HEAD, OPTIONS")
            #expect(try object(delete)["error"] is String)
            let trace = try await client.execute(uri: "/api/health", method: .trace)
            #expect(trace.status == .notImplemented)
            #expect(try object(trace)["error"] is String)
        }
    }
}
