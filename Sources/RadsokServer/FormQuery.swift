import Foundation
import Hummingbird

/// A request's query parameters decoded as browsers encode them (application/x-www-form-urlencoded):
/// `+` is a space, `%2B` a literal plus.
///
/// Hummingbird's `uri.queryParameters` percent-decodes but keeps `+`, so the page's
/// `URLSearchParams` turned `type:vedtak år:2025` into the kind `vedtak+år:2025`. Every route
/// reads its parameters through this instead.
struct FormQuery: Sendable {
    private let values: [(name: String, value: String)]

    /// Throws a 400 when a name or value is not valid percent-encoding.
    init(_ rawQuery: String?) throws(APIError) {
        var values: [(String, String)] = []
        for pair in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("the query string is not valid percent-encoding")
            }
            values.append((name, value))
        }
        self.values = values
    }

    init(_ request: Request) throws(APIError) {
        try self.init(request.uri.query)
    }

    /// The first value given for `name`.
    func get(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
