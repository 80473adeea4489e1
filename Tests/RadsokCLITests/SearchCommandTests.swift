import Foundation
import Testing

@Suite("radsok search, show and index end to end", .serialized)
struct SearchCommandTests {
    let index: URL

    init() throws {
        index = try CLIRunner.sharedIndex()
    }

    func search(_ query: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["search", query, "--corpus", CLIRunner.corpus, "--index", index.path] + extra)
    }

    @Test("builds the index when missing and finds the health-data cases near the top")
    func helsedata() throws {
        let fresh = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let result = try CLIRunner.run(["search", "helsedata", "--json", "--corpus", CLIRunner.corpus, "--index", fresh.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["case"] as? String }
        #expect(cases.contains("8/1/2025"))
        #expect(cases.contains("52/6/2022"))
    }

    @Test("--json output follows the contract of README.md", arguments: ["helsedata", "KSF", "8/1/25", "horingssvar", "bærekraft på legekontoret", "ordsomikkefinnes", "helsedata type:referat"])
    func jsonContract(query: String) throws {
        let result = try search(query, ["--json", "--limit", "5"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["query", "total", "totalIsLowerBound", "tookMs", "hits"])
        #expect(json["query"] as? String == query)
        #expect(json["total"] is Int)
        #expect(json["tookMs"] is Double || json["tookMs"] is Int)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.count <= 5)
        for hit in hits {
            // titleAsWritten only where a damaged title was shown repaired.
            #expect(Set(hit.keys).subtracting(["titleAsWritten"])
                    == ["file", "lines", "case", "kind", "title", "meeting", "date", "dateSource", "score", "snippet", "citation"])
            let lines = try #require(hit["lines"] as? [Int])
            #expect(lines.count == 2 && lines[0] >= 1 && lines[0] <= lines[1] && lines[1] - lines[0] < 150)
            #expect(FileManager.default.fileExists(atPath: (CLIRunner.corpus as NSString).appendingPathComponent(hit["file"] as! String)))
            #expect(["saksliste", "saksfremlegg", "referat", "vedtak", "vedlegg", "other"].contains(hit["kind"] as? String))
            for key in ["case", "title", "meeting", "date"] { #expect(hit[key] is String || hit[key] is NSNull) }
            #expect(hit["score"] is Double || hit["score"] is Int)
            #expect(hit["snippet"] is String)
        }
    }

    @Test("typing without æøå finds the same sections as typing with them")
    func asciiTyping() throws {
        func files(_ q: String) throws -> Set<String> {
            let json = try JSONSerialization.jsonObject(with: Data(try search(q, ["--json", "--limit", "50"]).stdout.utf8)) as! [String: Any]
            return Set((json["hits"] as! [[String: Any]]).map { "\($0["file"]!):\($0["lines"]!)" })
        }
        let written = try files("høringssvar")
        #expect(!written.isEmpty)
        #expect(try files("horingssvar") == written)
        #expect(try files("hoeringssvar") == written)
    }

    @Test("a readable list on a terminal-less stdout, with file and lines")
    func textOutput() throws {
        let result = try search("KSF")
        #expect(result.status == 0)
        #expect(result.stdout.contains(" 1. "))
        #expect(result.stdout.contains(".txt:"))
        #expect(result.stdout.contains("«KSF»"))
    }

    @Test("show prints every section of a case, given as 8/1/25")
    func showCase() throws {
        let result = try CLIRunner.run(["show", "8/1/25", "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Sak 8/1/2025"))
        #expect(result.stdout.contains("helsedata"))
        let hits = try JSONSerialization.jsonObject(with: Data(try search("8/1/25", ["--json"]).stdout.utf8)) as! [String: Any]
        let hit = try #require((hits["hits"] as! [[String: Any]]).first { $0["case"] as? String == "8/1/2025" })
        let lines = hit["lines"] as! [Int]
        let id = "\(hit["file"] as! String):\(lines[0])-\(lines[1])"
        let section = try CLIRunner.run(["show", id, "--json", "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(section.status == 0)
        #expect(section.stdout.contains("\"case\" : \"8/1/2025\""))
    }

    @Test("index reports what it built")
    func indexCommand() throws {
        let fresh = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let result = try CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", fresh.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("indexed 5 files"))
        let again = try CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", fresh.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing changed: the index is up to date, nothing read or written"), "\(again.stdout)")
        #expect(again.stdout.contains("the index holds 5 files ("), "\(again.stdout)")
    }
}
