import Foundation
import Testing

@Suite("Searching by case, meeting, kind and year", .serialized)
struct StructureCommandTests {
    let index: URL

    init() throws {
        index = try CLIRunner.sharedIndex()
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--json", "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("--cases lists each health-data case once, from 2022 to 2025, with meeting and date")
    func cases() throws {
        let response = try json(["search", "helsedata", "--cases", "--limit", "20"])
        let cases = try #require(response["cases"] as? [[String: Any]])
        let ids = cases.compactMap { $0["case"] as? String }
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("8/1/2025") && ids.contains("52/6/2022"))
        let first = try #require(cases.first { $0["case"] as? String == "8/1/2025" })
        #expect(first["meeting"] as? String == "1/2025")
        #expect(first["date"] as? String == "2025-02-24")
        #expect((first["kinds"] as? [String])?.contains("referat") == true)
        let byDate = try json(["search", "helsedata", "--cases", "--sort", "date"])
        let meetings = (byDate["cases"] as! [[String: Any]]).map { ($0["case"] as! String).split(separator: "/").map { Int($0)! } }
            .map { $0[2] * 100 + $0[1] }
        #expect(zip(meetings, meetings.dropFirst()).allSatisfy { $0 >= $1 }, "newest meeting first: \(meetings)")
    }

    @Test("filters in the query and as options select the same sections", arguments: [
        (["orientering type:vedtak"], ["orientering", "--kind", "vedtak"]),
        (["KSF år:2023"], ["KSF", "--year", "2023"]),
        (["helsedata møte:1/2025"], ["helsedata", "--meeting", "1/2025"]),
        (["helsedata fra:2023-01-01 til:2023-12-31"], ["helsedata", "--from", "2023-01-01", "--to", "2023-12-31"]),
    ])
    func filters(inline: [String], options: [String]) throws {
        let a = try json(["search"] + inline)
        let b = try json(["search"] + options)
        let hitsA = (a["hits"] as! [[String: Any]]).map { "\($0["file"]!)\($0["lines"]!)" }
        #expect(!hitsA.isEmpty)
        #expect(hitsA == (b["hits"] as! [[String: Any]]).map { "\($0["file"]!)\($0["lines"]!)" })
    }

    @Test("a kind filter keeps only that kind; a year filter only that year")
    func filterSemantics() throws {
        let decisions = try json(["search", "rådet", "type:vedtak", "--limit", "50"])
        #expect((decisions["hits"] as! [[String: Any]]).allSatisfy { $0["kind"] as? String == "vedtak" })
        let meeting = try json(["search", "sak:8/1/2025"])
        let hits = meeting["hits"] as! [[String: Any]]
        #expect(!hits.isEmpty && hits.allSatisfy { $0["case"] as? String == "8/1/2025" })
    }

    @Test("a filter with a bad value is a usage error (2) naming it")
    func badFilter() throws {
        let result = try CLIRunner.run(["search", "helsedata", "type:tulleting", "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("tulleting"))
        #expect(try CLIRunner.run(["search", "x", "--year", "abc"]).status == 2)
    }

    @Test("show lists a case's earlier treatments and the cases that cite it")
    func references() throws {
        let shown = try json(["show", "26/3/2023"])
        #expect(shown["references"] as? [String] == ["5/1/2023", "19/2/2023"])
        let cited = try json(["show", "8/1/25"])
        let sections = cited["sections"] as! [[String: Any]]
        #expect(sections.compactMap { $0["kind"] as? String }.contains("referat"))
        // The decision is marked inside the minutes' part it stands in, not shown a second time.
        let marks = sections.flatMap { ($0["decisions"] as? [[String: Any]]) ?? [] }
        #expect(marks.compactMap { $0["kind"] as? String } == ["vedtak"])
        #expect((cited["referencedBy"] as? [String])?.contains("18/2/2025") == true)
    }
}

@Suite("radsok search --explain")
struct ExplainTests {
    @Test("shows what each word became and why, and each hit's contributions")
    func explain() throws {
        let index = try CLIRunner.sharedIndex()
        let result = try CLIRunner.run(["search", "radsmote", "type:saksfremlegg", "--explain", "--limit", "3",
                                        "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("radsmote → rådsmøt (folded"))
        #expect(result.stdout.contains("filters: type:saksfremlegg"))
        #expect(result.stdout.contains("tf "))
    }
}
