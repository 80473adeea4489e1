import Foundation
import HummingbirdTesting
import Testing

@Suite("/api/search?sort=date orders hits as radsok search --sort date does")
struct SortedSearchRouteTests {
    @Test("hits newest first, not ignored without cases=true")
    func newestFirst() async throws {
        try await withServer(corpus: .project) { client in
            try await client.execute(uri: "/api/search?q=helsedata&sort=date&limit=50", method: .get) { response in
                #expect(response.status == .ok)
                let hits = try #require(try object(response)["hits"] as? [[String: Any]])
                let dates = hits.compactMap { $0["date"] as? String }
                #expect(dates.count > 3)
                #expect(dates == dates.sorted(by: >))
            }
        }
    }
}
