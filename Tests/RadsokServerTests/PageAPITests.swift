import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the page asks of the API beyond the CLI's JSON: the last word as a prefix while typing,
/// facet counts, date order, a section with its neighbours and the query's words marked.
@Suite("The API the page needs")
struct PageAPITests {
    @Test("prefix=last: helsedat finds the helsedata hits, and no prefix of helsedata drops to 0")
    func prefixLast() async throws {
        try await withServer(corpus: .project) { client in
            let partial = try object(try await client.execute(uri: "/api/search?q=helsedat&prefix=last", method: .get))
            let snippets = try #require(partial["hits"] as? [[String: Any]]).compactMap { $0["snippet"] as? String }
            #expect(snippets.contains { $0.lowercased().contains("«helsedata") })
            let word = "helsedata"
            for length in 1...word.count {
                let typed = String(word.prefix(length))
                let json = try object(try await client.execute(uri: "/api/search?q=\(typed)&prefix=last", method: .get))
                #expect((json["total"] as? Int ?? 0) > 0, "\(typed) with prefix=last")
                // A fragment of one or two letters gets no "did you mean".
                if length < 3 { #expect(json["suggestion"] == nil, "\(typed)") }
            }
            // Without it the API keeps the CLI's exact semantics: "he" is no word of the corpus.
            let exact = try object(try await client.execute(uri: "/api/search?q=he", method: .get))
            #expect(exact["total"] as? Int == 0)
        }
    }

    @Test("a whole word typed ranks as without prefix=last: its completions count as compounds do")
    func exactFirst() async throws {
        try await withServer(corpus: .project) { client in
            let ranked = { (uri: String) in
                try #require(try object(try await client.execute(uri: uri, method: .get))["hits"] as? [[String: Any]])
                    .map { "\($0["file"] ?? ""):\($0["lines"] ?? "")" }
            }
            for word in ["helsedata", "m%C3%B8te", "KSF"] {
                let plain = try await ranked("/api/search?q=\(word)&limit=10")
                #expect(try await ranked("/api/search?q=\(word)&limit=10&prefix=last") == plain, "\(word)")
            }
        }
    }

    @Test("facets=1 counts every matching section by kind and year, each without its own filter")
    func facets() async throws {
        try await withServer(corpus: .project) { client in
            let json = try object(try await client.execute(uri: "/api/search?q=helsedata&facets=1&limit=1", method: .get))
            let total = try #require(json["total"] as? Int)
            let facets = try #require(json["facets"] as? [String: [[String: Any]]])
            let kinds = try #require(facets["kinds"]), years = try #require(facets["years"])
            #expect(kinds.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == total)
            #expect(years.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == total)
            let counts = kinds.compactMap { $0["count"] as? Int }
            #expect(counts == counts.sorted(by: >))
            let narrowed = try object(try await client.execute(uri: "/api/search?q=helsedata&facets=1&year=2023", method: .get))
            let narrowedYears = try #require((narrowed["facets"] as? [String: [[String: Any]]])?["years"])
            #expect(narrowedYears.count == years.count, "the other years stay choosable")
            #expect(narrowedYears.first { $0["value"] as? String == "2023" }?["count"] as? Int == narrowed["total"] as? Int)
            let plain = try object(try await client.execute(uri: "/api/search?q=helsedata", method: .get))
            #expect(plain["facets"] == nil)
            // In case mode a facet counts cases: each case once in its year.
            let cases = try object(try await client.execute(uri: "/api/search?q=helsedata&facets=1&cases=1", method: .get))
            let caseYears = try #require((cases["facets"] as? [String: [[String: Any]]])?["years"])
            #expect(caseYears.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == cases["total"] as? Int)
        }
    }

    @Test("sort=newest and sort=oldest order hits and cases by date", arguments: ["newest", "oldest", "date"])
    func dateOrder(sort: String) async throws {
        try await withServer(corpus: .project) { client in
            for cases in [false, true] {
                let uri = "/api/search?q=helsedata&limit=50&sort=\(sort)&cases=\(cases)"
                let json = try object(try await client.execute(uri: uri, method: .get))
                let list = try #require(json[cases ? "cases" : "hits"] as? [[String: Any]])
                let dates = list.compactMap { $0["date"] as? String }
                #expect(dates.count > 2)
                #expect(dates == (sort == "oldest" ? dates.sorted() : dates.sorted(by: >)), "\(uri)")
            }
        }
    }

    @Test("context=1 gives a section with the sections before and after it in its file")
    func sectionContext() async throws {
        try await withServer(corpus: .project) { client in
            let search = try object(try await client.execute(uri: "/api/search?q=KSF&kind=other&limit=1", method: .get))
            let hit = try #require((search["hits"] as? [[String: Any]])?.first)
            let file = try #require(hit["file"] as? String), lines = try #require(hit["lines"] as? [Int])
            let id = "\(file):\(lines[0])-\(lines[1])".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            let json = try object(try await client.execute(uri: "/api/sections/\(id)?context=1&q=KSF", method: .get))
            #expect(json["lines"] as? [Int] == lines)
            let before = try #require(json["before"] as? [[String: Any]]), after = try #require(json["after"] as? [[String: Any]])
            #expect(before.count == 1 && after.count == 1)
            #expect(before.allSatisfy { $0["file"] as? String == file } && after.allSatisfy { $0["file"] as? String == file })
            #expect(((before[0]["lines"] as? [Int])?[1] ?? .max) < lines[0])
            #expect(((after[0]["lines"] as? [Int])?[0] ?? 0) > lines[1])
            // The query's words are marked in the text, as UTF-16 offsets (a browser's indices).
            let text = try #require(json["text"] as? String)
            let matches = try #require(json["matches"] as? [[Int]])
            #expect(!matches.isEmpty)
            let units = Array(text.utf16)
            #expect(matches.contains { String(decoding: units[$0[0]..<$0[1]], as: UTF16.self) == "KSF" })
            let alone = try object(try await client.execute(uri: "/api/sections/\(id)", method: .get))
            #expect(alone["before"] == nil && alone["matches"] == nil)
        }
    }

    @Test("a case shown with q marks the query's words in each section")
    func caseMatches() async throws {
        try await withServer { client in
            let json = try object(try await client.execute(uri: "/api/cases/2/1/2025?q=helsedata", method: .get))
            let section = try #require((json["sections"] as? [[String: Any]])?.first)
            let text = Array(try #require(section["text"] as? String).utf16)
            let matches = try #require(section["matches"] as? [[Int]])
            #expect(matches.count >= 2)
            #expect(matches.allSatisfy { String(decoding: text[$0[0]..<$0[1]], as: UTF16.self).lowercased().hasPrefix("helsedata") })
        }
    }

    @Test("a binary draft is refused with a JSON error, not compared")
    func binaryDraft() async throws {
        try await withServer { client in
            // Every byte value, scrambled: control bytes and invalid UTF-8, as in a zip or an image.
            let bytes = (0..<3000).map { UInt8(($0 * 7919 + 13) % 256) }
            let response = try await client.execute(uri: "/api/similar", method: .post, body: ByteBuffer(bytes: bytes))
            #expect(response.status == .badRequest)
            #expect((try object(response)["error"] as? String)?.contains("not text") == true)
        }
    }
}
