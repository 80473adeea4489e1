import Foundation
import Testing

@Suite("The query language and prior wording from the command line")
struct QueryCommandTests {
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--corpus", CLIRunner.corpus, "--index", try CLIRunner.sharedIndex().path])
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("a phrase finds the passage, also where OCR damaged it")
    func phrase() throws {
        let result = try run(["search", "\"møte med Helsedataservice\"", "--json"])
        #expect(result.status == 0)
        #expect((try json(result)["total"] as? Int ?? 0) >= 1)
    }

    @Test("malformed queries answer with exit code 0", arguments: ["\"unclosed", "((", "-", "OR OR", "helse*", "helsedta~", "helse -data", "KSF OR", ")"])
    func malformed(query: String) throws {
        let result = try run(["search", query, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        _ = try json(result)
    }

    @Test("a query that starts with an exclusion goes after --")
    func leadingExclusion() throws {
        let result = try CLIRunner.run(["search", "--json", "--corpus", CLIRunner.corpus, "--index", try CLIRunner.sharedIndex().path,
                                        "--", "-helsedata"])
        #expect(result.status == 0)
        #expect(try json(result)["total"] as? Int == 0)
    }

    @Test("similar returns the recurring habilitet paragraph first, once, with its citation and places")
    func similar() throws {
        let result = try run(["similar", "Rådet skal vurdere habiliteten sin for sakene på dette møtet", "--json"])
        #expect(result.status == 0)
        let passages = try #require(try json(result)["passages"] as? [[String: Any]])
        let first = try #require(passages.first)
        #expect((first["text"] as? String)?.contains("vurdere sin habilitet") == true)
        #expect((first["citation"] as? String)?.hasPrefix("HO21-rådet, saksfremlegg til møte ") == true)
        #expect(first["textAsWritten"] is String)
        #expect((first["occurrences"] as? [Any])?.count ?? 0 >= 2)
    }

    @Test("similar reads a draft from a file; an empty draft is a usage error")
    func similarInput() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("utkast.txt")
        try Data("Rådet bes om å vurdere sin habilitet.".utf8).write(to: draft)
        #expect(try run(["similar", "--file", draft.path]).status == 0)
        let empty = try run(["similar", "   "])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty"))
        let binary = folder.appendingPathComponent("bilde.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0x1A]).write(to: binary)
        #expect(try run(["similar", "--file", binary.path]).stderr.contains("binary"))
        #expect(try run(["similar", "--file", binary.path]).status == 2)
        let punctuation = try run(["similar", "... !!! ---"])
        #expect(punctuation.status == 2 && punctuation.stderr.contains("no words"))
        let huge = folder.appendingPathComponent("stort.txt")
        try Data(String(repeating: "Rådet mener. ", count: 10_000).utf8).write(to: huge)
        let tooLong = try run(["similar", "--file", huge.path])
        #expect(tooLong.status == 2 && tooLong.stderr.contains("at most 64 KB"))
    }

    @Test("piped, similar prints each passage as one plain line to copy: no quote bars, no colour")
    func similarPlain() throws {
        let result = try run(["similar", "Rådet skal vurdere habiliteten sin for sakene på dette møtet"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("│") && !result.stdout.contains("\u{1B}["))
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("Rådet bes om å vurdere sin habilitet") })
    }
}
