import Foundation
import Hummingbird
import SearchIndex

/// An answer that is not a result: JSON `{"error": "..."}` with the status that says why.
///
/// Messages are for the person at the client: they never name a file-system path of the
/// server's (where the corpus or the index is, is the server's business).
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    var headers: HTTPFields = [:]

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }
    static func tooLarge(_ message: String) -> APIError { APIError(status: .contentTooLarge, message: message) }
    static func methodNotAllowed(_ allow: String) -> APIError {
        APIError(status: .methodNotAllowed, message: "method not allowed here; use \(allow)", headers: [.allow: allow])
    }
    static let notImplemented = APIError(status: .notImplemented, message: "this server does not implement that method")
    static let timedOut = APIError(status: .serviceUnavailable, message: "the request took too long; try a narrower query")
    static let busy = APIError(status: .serviceUnavailable, message: "the server is busy; try again in a moment",
                               headers: [.retryAfter: "1"])
    static let internalError = APIError(status: .internalServerError, message: "the server failed to answer; its log says why")

    var response: Response {
        var response = JSONBody.response(["error": message], status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}

/// JSON responses, UTF-8, slashes unescaped (case ids read as written).
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data(value))))
    }

    /// Sorted keys, slashes unescaped: the CLI's encoding (`ContractJSON`).
    static func data(_ value: some Encodable) -> Data {
        (try? ContractJSON.encode(value)) ?? Data(#"{"error": "could not encode the answer"}"#.utf8)
    }
}
