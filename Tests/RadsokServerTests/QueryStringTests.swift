import Foundation
import HummingbirdTesting
import Testing

@Suite("Query strings are read as browsers write them")
struct QueryStringTests {
    @Test("+ is a space in q, as the page's URLSearchParams sends it, and gives the same answer as %20")
    func plusIsSpace() async throws {
        try await withServer { client in
            let plus = try await client.execute(uri: "/api/search?q=type:vedtak+%C3%A5r:2025", method: .get)
            let space = try await client.execute(uri: "/api/search?q=type:vedtak%20%C3%A5r:2025", method: .get)
            #expect(plus.status == .ok)
            #expect(try hitPlaces(plus) == hitPlaces(space))
            #expect(try object(plus)["query"] as? String == "type:vedtak år:2025")
        }
    }

    @Test("+ is a space in every parameter of every route; %2B stays a plus")
    func everyParameter() async throws {
        try await withServer { client in
            let both = try await client.execute(uri: "/api/search?q=helsedata+-habilitet&kind=+vedtak+&limit=+2", method: .get)
            #expect(both.status == .ok)
            #expect(try object(both)["query"] as? String == "helsedata -habilitet")
            let similar = try await client.execute(uri: "/api/similar?text=R%C3%A5det+skal+vurdere+habiliteten&limit=1", method: .get)
            #expect(similar.status == .ok)
            #expect((try object(similar)["passages"] as? [Any])?.count == 1)
            let literal = try await client.execute(uri: "/api/search?q=helsedata%2Bplan", method: .get)
            #expect(try object(literal)["query"] as? String == "helsedata+plan")
        }
    }

    @Test("a query string that is not valid percent-encoding is 400")
    func badEncoding() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/api/search?q=%E0%A4%A", method: .get)
            #expect(response.status == .badRequest)
            #expect(try object(response)["error"] is String)
        }
    }

    private func hitPlaces(_ response: TestResponse) throws -> [String] {
        let hits = try #require(try object(response)["hits"] as? [[String: Any]])
        return hits.map { "\($0["file"] ?? ""):\($0["lines"] ?? "")" }
    }
}
