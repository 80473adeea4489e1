import Foundation
import Testing

@Suite("A search says which corpus it uses when that is not the current folder's", .serialized)
struct LocationNoteTests {
    @Test("from a folder without Corpus/, the build tree's corpus is named on stderr")
    func elsewhere() async throws {
        try await CLIRunner.withTemporaryFolder { empty in
            let result = try await CLIRunner.run(["search", "KSF", "--limit", "1"], in: empty)
            #expect(result.status == 0, "\(result.stderr)")
            let root = CLIRunner.repository.path
            #expect(result.stderr.contains("radsok: using corpus \(root)/Corpus and index \(root)/Index (no Corpus/ here)"),
                    "\(result.stderr)")
            let indexed = try await CLIRunner.run(["index"], in: empty)
            #expect(indexed.stderr.contains("using corpus \(root)/Corpus"), "\(indexed.stderr)")
        }
    }

    @Test("in the project's own folder nothing is said")
    func here() async throws {
        let result = try await CLIRunner.run(["search", "KSF", "--limit", "1"], in: CLIRunner.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("using corpus"), "\(result.stderr)")
    }

    @Test("a Corpus/ in the current folder is the one searched, without a note")
    func ownCorpus() async throws {
        try await CLIRunner.withTemporaryFolder { folder in
            try CLIRunner.writeCorpus(CLIRunner.oneCase, in: folder, name: "Corpus")
            let result = try await CLIRunner.run(["search", "flaskehalser", "--json"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("ho21-møte-2025-1.txt"))
            #expect(!result.stderr.contains("using corpus"), "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Index/radsok.idx").path))
        }
    }
}
