import Foundation
import HummingbirdTesting
import RadsokServer
import SearchIndex
import Testing

/// `GET /api/timeline`: the page's timeline view, answered with `radsok timeline --json`.
@Suite("The timeline over HTTP")
struct TimelineRouteTests {
    @Test("/api/timeline answers the service's timeline JSON, the one radsok timeline --json prints")
    func sameAsService() async throws {
        let served = try ServedCorpus(corpus: .project)
        defer { served.remove() }
        let index = served.server.index.current()
        var texts = index.textSource()
        let expected = try Self.withoutTiming(ContractJSON.encode(
            index.service.timeline("helsedata", filter: Self.filter(year: 2023), texts: &texts)))
        try await served.server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/api/timeline?q=helsedata&year=2023", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let answered = try Self.withoutTiming(Data(response.body.readableBytesView))
            #expect(answered == expected)
        }
    }

    @Test("meetings are grouped by year, oldest first, with counts per year for the histogram")
    func oldestFirst() async throws {
        try await withServer(corpus: .project) { client in
            let json = try object(try await client.execute(uri: "/api/timeline?q=helsedata", method: .get))
            #expect(Set(json.keys) == ["query", "tookMs", "years", "meetings", "mentions"])
            let years = try #require(json["years"] as? [[String: Any]]).compactMap { $0["year"] as? Int }
            #expect(years.count >= 2, "helsedata spans several years of the corpus")
            #expect(years == years.sorted())
            let meetings = try Self.meetings(json)
            #expect(meetings.count >= 2)
            #expect(meetings == meetings.sorted { ($0.year, $0.number) < ($1.year, $1.number) })
            // Every year with a meeting has its bar.
            #expect(Set(meetings.map(\.year)).isSubset(of: Set(years)))
            let first = try #require((json["meetings"] as? [[String: Any]])?.first?["cases"] as? [[String: Any]])
            #expect(Set(try #require(first.first).keys) == ["case", "title", "date", "kinds", "decision", "mentions"])
        }
    }

    @Test("newestFirst=true lists the same meetings the other way round")
    func newestFirst() async throws {
        try await withServer(corpus: .project) { client in
            let first = try await client.execute(uri: "/api/timeline?q=helsedata", method: .get)
            let oldest = try Self.meetings(try object(first))
            let uri = "/api/timeline?q=helsedata&newestFirst=true"
            let json = try object(try await client.execute(uri: uri, method: .get))
            #expect(try Self.meetings(json) == oldest.reversed())
            let years = try #require(json["years"] as? [[String: Any]]).compactMap { $0["year"] as? Int }
            #expect(years == years.sorted().reversed())
        }
    }

    @Test("a year filter keeps that year's meetings only; filters alone are a query")
    func yearFilter() async throws {
        try await withServer(corpus: .project) { client in
            let json = try object(try await client.execute(uri: "/api/timeline?q=helsedata&year=2023", method: .get))
            let meetings = try Self.meetings(json)
            #expect(!meetings.isEmpty)
            #expect(meetings.allSatisfy { $0.year == 2023 })
            let decisions = try await client.execute(uri: "/api/timeline?q=&kind=vedtak", method: .get)
            #expect(decisions.status == .ok)
            #expect(try Self.meetings(try object(decisions)).isEmpty == false)
        }
    }

    @Test("an empty query without filters, or a bad parameter, is a 400 with a JSON error", arguments: [
        "/api/timeline", "/api/timeline?q=", "/api/timeline?q=%20%20", "/api/timeline?q=helsedata&newestFirst=kanskje",
        "/api/timeline?q=helsedata&kind=tull", "/api/timeline?q=helsedata&year=abc",
        "/api/timeline?q=" + String(repeating: "a", count: 1001),
    ])
    func badRequests(uri: String) async throws {
        try await withServer { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect((try object(response)["error"] as? String)?.isEmpty == false)
        }
    }

    /// HEAD and OPTIONS are in `MethodTests`, which lists every endpoint.
    @Test("it is a GET endpoint: POST is 405 with Allow")
    func methods() async throws {
        try await withServer { client in
            let post = try await client.execute(uri: "/api/timeline?q=helsedata", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD, OPTIONS")
        }
    }

    // MARK: Helpers

    static func filter(year: Int) throws -> SearchFilter {
        var filter = SearchFilter()
        try filter.add(field: "year", value: String(year))
        return filter
    }

    /// The JSON without `tookMs`, the one field that differs from run to run, re-encoded with
    /// sorted keys so that equal answers are equal bytes.
    static func withoutTiming(_ data: Data) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.removeValue(forKey: "tookMs") != nil)
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    struct MeetingKey: Equatable {
        let year: Int
        let number: Int
    }

    /// The meetings of a timeline in the order given, as (year, number within the year).
    static func meetings(_ json: [String: Any]) throws -> [MeetingKey] {
        try #require(json["meetings"] as? [[String: Any]]).map { meeting in
            let id = try #require(meeting["meeting"] as? String).split(separator: "/")
            let year = try #require(meeting["year"] as? Int)
            #expect(Int(id[1]) == year)
            return MeetingKey(year: year, number: try #require(Int(id[0])))
        }
    }
}
