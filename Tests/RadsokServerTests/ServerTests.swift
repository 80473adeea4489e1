import Foundation
import Hummingbird
import HummingbirdTesting
import RadsokServer
import SearchIndex
import Testing

@Suite("The HTTP API and the page")
struct ServerTests {
    @Test("search answers with the CLI's JSON plus paging")
    func search() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/search?q=helsedata&limit=2&offset=0", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = try object(response)
                #expect(Set(json.keys) == ["query", "total", "totalIsLowerBound", "tookMs", "hits", "offset", "limit"])
                #expect(json["limit"] as? Int == 2)
                let hits = try #require(json["hits"] as? [[String: Any]])
                #expect(hits.count == 2)
                #expect(Set(hits[0].keys) == ["file", "lines", "case", "kind", "title", "meeting", "date", "dateSource", "score", "snippet", "citation"])
            }
            try await client.execute(uri: "/api/search?q=helsedata&cases=true", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response)
                #expect((json["cases"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(uri: "/api/search?q=helsedata&kind=vedtak&year=2025", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("bad parameters are 400 with a JSON error naming them", arguments: [
        "/api/search?q=helsedata&limit=1000", "/api/search?q=helsedata&limit=abc", "/api/search?q=helsedata&offset=-1",
        "/api/search?q=helsedata&kind=tull", "/api/search?q=helsedata&cases=kanskje", "/api/search?q=", "/api/search",
        "/api/search?q=" + String(repeating: "a", count: 1001), "/api/cases/tull", "/api/sections/tull",
        // The page's parameters (PageAPITests), and a query of punctuation alone.
        "/api/search?q=helsedata&prefix=all", "/api/search?q=helsedata&sort=tilfeldig", "/api/search?q=helsedata&facets=ja",
        "/api/search?q=%21%3F.%2C", "/api/timeline?q=...", "/api/sections/ho21-m%C3%B8te-2025-1.txt:1-5?context=9",
        "/api/cases/2/1/2025?q=" + String(repeating: "a", count: 1001),
    ])
    func badParameters(uri: String) async throws {
        try await withServer { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let json = try object(response)
                #expect((json["error"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("a case across packages, one section by file and lines; unknown ids are 404")
    func casesAndSections() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/cases/2/1/25", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response)
                #expect(json["referencedBy"] as? [String] == ["3/2/2025"])
                let sections = try #require(json["sections"] as? [[String: Any]])
                let first = try #require(sections.first)
                let file = try #require(first["file"] as? String)
                let lines = try #require(first["lines"] as? [Int])
                let id = "\(file):\(lines[0])-\(lines[1])".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
                try await client.execute(uri: "/api/sections/" + id, method: .get) { section in
                    #expect(section.status == .ok)
                    let json = try object(section)
                    #expect((json["text"] as? String)?.contains("helsedata") == true)
                }
            }
            try await client.execute(uri: "/api/cases/99/9/2099", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/sections/nope.txt:1-2", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/sections/..%2F..%2Fetc%2Fpasswd:1-2", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("prior wording takes a posted draft; too large is 413, empty is 400")
    func similar() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/similar", method: .post, body: ByteBuffer(string: "Rådet skal vurdere habiliteten sin for sakene.")) { response in
                #expect(response.status == .ok)
                let passages = try #require(try object(response)["passages"] as? [[String: Any]])
                #expect((passages.first?["citation"] as? String) == "HO21-rådet, saksfremlegg til møte 1/2025, sak 1/1/2025")
            }
            try await client.execute(uri: "/api/similar", method: .post, body: ByteBuffer(string: String(repeating: "ord ", count: 20_000))) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/similar", method: .post, body: ByteBuffer(string: "  ")) { #expect($0.status == .badRequest) }
        }
    }

    @Test("health, wrong methods (405) and unknown paths (404) answer in JSON")
    func healthAndErrors() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                let json = try object(response)
                #expect(json["status"] as? String == "ok")
                #expect(json["documents"] as? Int == 2)
                #expect(json["indexVersion"] as? Int == Int(IndexFormat.version))
            }
            try await client.execute(uri: "/api/search?q=x", method: .delete) { #expect($0.status == .methodNotAllowed) }
            try await client.execute(uri: "/api/health", method: .post) { #expect($0.status == .methodNotAllowed) }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let json = try object(response)
                #expect(json["error"] is String)
            }
        }
    }

    @Test("the page is self-contained and puts document text in with textContent only")
    func page() async throws {
        try await withServer { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<title>Rådsøk</title>"))
                #expect(!html.contains("innerHTML"))
                #expect(!html.contains("http://") && !html.contains("https://"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                // No inline script, so none needs allowing: the policy lets only /app.js run.
                #expect(html.contains(#"<script src="/app.js"></script>"#))
                #expect(!html.contains("<script>"))
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self';") && !policy.contains("script-src 'self' 'unsafe-inline'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                let script = String(buffer: response.body)
                #expect(script.contains("textContent") && !script.contains("innerHTML"))
            }
            // Markup in a document reaches the client only inside a JSON string.
            try await client.execute(uri: "/api/search?q=plan", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let hits = try #require(try object(response)["hits"] as? [[String: Any]])
                #expect(hits.contains { ($0["snippet"] as? String)?.contains("<script>") == true })
            }
        }
    }

    @Test("the page offers proposals as a kind, the cases' decisions and a timeline view")
    func pageFeatures() async throws {
        try await withServer { client in
            let html = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(html.contains(#"<option value="vedtak">Vedtak</option>"#))
            #expect(html.contains(#"<option value="forslag">Forslag til vedtak</option>"#))
            #expect(html.contains(#"value="timeline""#) && html.contains(#"id="newest""#))
            var script = ""
            for name in ["dom", "format", "address", "reader", "similar", "timeline", "app"] {
                let response = try await client.execute(uri: "/\(name).js", method: .get)
                #expect(response.status == .ok && response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(html.contains(#"<script src="/\#(name).js"></script>"#))
                script += String(buffer: response.body)
            }
            #expect(script.contains(#"forslag: "Forslag til vedtak""#))
            // The page cuts a long query and a long draft where the server's limits are.
            #expect(script.contains("const queryLimit = \(ServerLimits().queryLength);"))
            #expect(script.contains("const draftLimit = \(ServerLimits().bodyBytes / 1024) * 1024;"))
            // Similar passages: both copy buttons, and the repaired reading marked as such.
            #expect(script.contains("Kopier bare kilden") && script.contains("textRepaired") && script.contains("maskinreparert"))
            #expect(script.contains("/api/timeline?") && script.contains("newestFirst"))
            #expect(script.contains("c.decision") && script.contains("Vedtak: "))
            // A repaired title keeps the text as written beside it.
            #expect(script.contains("titleAsWritten") && script.contains("skrevet: "))
            // A cited case the index lacks is text, not a button that opens nothing.
            #expect(script.contains("inIndex") && script.contains("(ikke i indeksen)"))
            // Document text goes in as text nodes: no way of inserting markup is used anywhere.
            for markup in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser"] {
                #expect(!script.contains(markup), "a script uses \(markup)")
            }
        }
    }

    @Test("end to end on an ephemeral port")
    func live() async throws {
        let served = try ServedCorpus()
        defer { served.remove() }
        try await served.server.makeApplication().test(.live) { client in
            try await client.execute(uri: "/api/search?q=helsedata", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response)
                #expect((json["total"] as? Int ?? 0) >= 2)
            }
        }
    }
}

@Suite("Serving while the index is rebuilt")
struct IndexSwapTests {
    @Test("a rebuilt index is picked up; a request holding the old one still finishes")
    func swap() throws {
        let served = try ServedCorpus()
        defer { served.remove() }
        let corpus = served.root.appendingPathComponent("corpus")
        let folder = served.root.appendingPathComponent("index").path
        let handle = IndexHandle(reader: try IndexReader.open(folder: folder), folder: folder, corpusPath: corpus.path, checkInterval: 0)
        let before = handle.current()
        try Data("Sak 4/3/2025 Nytt om KSF\n\nKommunenes samarbeidsarena for forskning (KSF) møtte rådet.\n".utf8)
            .write(to: corpus.appendingPathComponent("ho21-møte-2025-3.txt"))
        try IndexBuilder().build(corpus: corpus.path, into: folder)
        let after = handle.current()
        #expect(after.reader.metadata.files.count == before.reader.metadata.files.count + 1)
        var oldTexts = before.textSource()
        #expect(try before.service.search("helsedata", texts: &oldTexts).total > 0)
        var newTexts = after.textSource()
        #expect(try after.service.search("KSF", texts: &newTexts).total > 0)
    }
}
