import Foundation
import Hummingbird
import SearchIndex

/// An answer that is not a result: JSON `{"error": "..."}` with the status that says why.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }
    static func tooLarge(_ message: String) -> APIError { APIError(status: .contentTooLarge, message: message) }
    static func methodNotAllowed(_ allowed: String) -> APIError {
        APIError(status: .methodNotAllowed, message: "method not allowed here; use \(allowed)")
    }
    static let timedOut = APIError(status: .serviceUnavailable, message: "the request took too long; try a narrower query")

    var response: Response {
        JSONBody.response(["error": message], status: status)
    }
}

/// JSON responses, UTF-8, slashes unescaped (case ids read as written).
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? ContractJSON.encode(value)) ?? Data(#"{"error": "could not encode the answer"}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
