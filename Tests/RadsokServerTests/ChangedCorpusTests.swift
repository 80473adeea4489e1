import Foundation
import Hummingbird
import HummingbirdTesting
import RadsokServer
import Testing

/// A corpus file deleted or edited while the server answers from an index built before.
@Suite("Serving when the corpus changed after indexing")
struct ChangedCorpusTests {
    enum Change: String, CaseIterable { case deleted, edited }

    static let file = "ho21-møte-2025-1.txt"

    func withChangedServer(_ change: Change,
                           _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let served = try ServedCorpus()
        defer { served.remove() }
        let url = served.corpus.appendingPathComponent(Self.file)
        switch change {
        case .deleted: try FileManager.default.removeItem(at: url)
        case .edited: try Data("Sak 1/1/2025 Noe helt annet\n\nNy tekst om helsedata.\n".utf8).write(to: url)
        }
        try await served.server.makeApplication().test(.router) { client in try await body(client) }
    }

    @Test("search hits from the file come without a snippet and with a note; the others are whole", arguments: Change.allCases)
    func search(change: Change) async throws {
        try await withChangedServer(change) { client in
            let response = try await client.execute(uri: "/api/search?q=helsedata", method: .get)
            #expect(response.status == .ok)
            let hits = try #require(try object(response)["hits"] as? [[String: Any]])
            let changed = hits.filter { $0["file"] as? String == Self.file }
            #expect(!changed.isEmpty)
            for hit in changed {
                #expect(hit["snippet"] as? String == "")
                #expect((hit["note"] as? String)?.contains("rebuild the index") == true)
            }
            #expect(hits.contains { hit in
                hit["file"] as? String != Self.file && hit["note"] == nil && (hit["snippet"] as? String)?.isEmpty == false
            })
            let cases = try await client.execute(uri: "/api/search?q=helsedata&cases=true", method: .get)
            #expect(cases.status == .ok)
        }
    }

    @Test("prior wording leaves the file out and says so", arguments: Change.allCases)
    func similar(change: Change) async throws {
        try await withChangedServer(change) { client in
            let response = try await client.execute(uri: "/api/similar", method: .post,
                                                    body: ByteBuffer(string: "Rådet skal vurdere habiliteten sin for sakene."))
            #expect(response.status == .ok)
            #expect((try object(response)["note"] as? String)?.contains(Self.file) == true)
        }
    }

    @Test("a case or section in the file is 409 with a JSON message, never 500", arguments: Change.allCases)
    func sections(change: Change) async throws {
        try await withChangedServer(change) { client in
            // The index still knows where the section was.
            let search = try await client.execute(uri: "/api/search?q=habilitet", method: .get)
            let hits = try #require(try object(search)["hits"] as? [[String: Any]])
            let lines = try #require(hits.first { $0["file"] as? String == Self.file }?["lines"] as? [Int])
            let section = "\(Self.file):\(lines[0])-\(lines[1])".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            for uri in ["/api/cases/1/1/2025", "/api/sections/" + section] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .conflict, "\(uri)")
                #expect((try object(response)["error"] as? String)?.contains("rebuild the index") == true)
            }
        }
    }
}
