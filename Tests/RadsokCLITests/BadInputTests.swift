import Foundation
import Testing

@Suite("Bad input gets a one-line message and the contract's exit code", .serialized)
struct BadInputTests {
    func expectOneLineError(_ result: CLIRunner.Result, status: Int32, mentioning text: String) {
        #expect(result.status == status)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)")
    }

    @Test("an empty query is a usage error (2)")
    func emptyQuery() throws {
        expectOneLineError(try CLIRunner.run(["search", "  ", "--corpus", CLIRunner.corpus]), status: 2, mentioning: "empty")
        expectOneLineError(try CLIRunner.run(["search"]), status: 2, mentioning: "empty")
    }

    @Test("an unknown option is a usage error (2)")
    func unknownOption() throws {
        expectOneLineError(try CLIRunner.run(["search", "helsedata", "--frobnicate"]), status: 2, mentioning: "--frobnicate")
    }

    @Test("a limit out of range is a usage error (2)")
    func badLimit() throws {
        expectOneLineError(try CLIRunner.run(["search", "helsedata", "--limit", "0"]), status: 2, mentioning: "--limit")
    }

    @Test("a missing corpus folder fails (1) naming it")
    func missingCorpus() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("finnes-ikke").path
        expectOneLineError(try CLIRunner.run(["search", "helsedata", "--corpus", missing, "--index", folder.appendingPathComponent("idx").path]),
                           status: 1, mentioning: "finnes-ikke")
    }

    @Test("an empty corpus fails (1) and leaves an existing index untouched")
    func emptyCorpusKeepsIndex() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let index = folder.appendingPathComponent("idx")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("Sak 8/1/2025 Helsedata\n\nRådet diskuterte helsedata.".utf8).write(to: corpus.appendingPathComponent("a.txt"))
        #expect(try CLIRunner.run(["index", "--corpus", corpus.path, "--index", index.path]).status == 0)
        let before = try Data(contentsOf: index.appendingPathComponent("radsok.idx"))
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("a.txt"))
        expectOneLineError(try CLIRunner.run(["index", "--corpus", corpus.path, "--index", index.path]), status: 1, mentioning: "no .txt")
        #expect(try Data(contentsOf: index.appendingPathComponent("radsok.idx")) == before)
    }

    @Test("a damaged index is rebuilt by search, with a note")
    func damagedIndex() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("idx")
        #expect(try CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", index.path]).status == 0)
        let file = index.appendingPathComponent("radsok.idx")
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 3] ^= 0x5A
        try Data(bytes).write(to: file)
        let result = try CLIRunner.run(["search", "KSF", "--corpus", CLIRunner.corpus, "--index", index.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("damaged"))
        #expect(result.stdout.contains("KSF"))
    }

    @Test("damage in the postings, which opening does not read, is rebuilt by the command that meets it",
          arguments: [["search", "KSF"], ["search", "KSF", "--explain"], ["timeline", "KSF"], ["similar", "KSF og kommunene"]])
    func damagedPostings(command: [String]) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("idx")
        let location = ["--corpus", CLIRunner.corpus, "--index", index.path]
        #expect(try CLIRunner.run(["index"] + location).status == 0)
        let file = index.appendingPathComponent("radsok.idx")
        var bytes = try [UInt8](Data(contentsOf: file))
        let postings = try #require(Self.block(kind: 5, in: bytes))
        // A byte in every page of 64 KiB, so whatever postings the command reads are damaged.
        for at in stride(from: postings.lowerBound + 100, to: postings.upperBound, by: 65_536) { bytes[at] ^= 0x5A }
        try Data(bytes).write(to: file)
        let result = try CLIRunner.run(command + location)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("damaged"))
        #expect(result.stdout.contains("KSF"))
        let again = try CLIRunner.run(command + location)
        #expect(again.status == 0 && !again.stderr.contains("damaged"), "stderr: \(again.stderr)")
    }

    /// The byte range of a block of an index file, read from its block table (`IndexFormat`):
    /// 16 bytes of magic, version and count, then kind u32, offset u64, length u64, checksum u64.
    static func block(kind: UInt32, in bytes: [UInt8]) -> Range<Int>? {
        func integer(_ at: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        guard bytes.count >= 16 else { return nil }
        for entry in 0..<integer(12, 4) {
            let at = 16 + entry * 28
            guard at + 28 <= bytes.count else { return nil }
            if integer(at, 4) == kind { return integer(at + 4, 8)..<(integer(at + 4, 8) + integer(at + 12, 8)) }
        }
        return nil
    }

    @Test("binary, empty and Windows-1252 files: skipped with a warning, or read with a note")
    func badFiles() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]).write(to: corpus.appendingPathComponent("program.txt"))
        try Data().write(to: corpus.appendingPathComponent("tom.md"))
        try Data([0x48, 0xF8, 0x72, 0x69, 0x6E, 0x67, 0x73, 0x73, 0x76, 0x61, 0x72]).write(to: corpus.appendingPathComponent("latin1.txt"))  // "Høringssvar"
        let result = try CLIRunner.run(["index", "--corpus", corpus.path, "--index", folder.appendingPathComponent("idx").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("program.txt"))
        #expect(result.stderr.contains("tom.md"))
        #expect(result.stderr.contains("latin1.txt"))
        let found = try CLIRunner.run(["search", "høringssvar", "--json", "--corpus", corpus.path, "--index", folder.appendingPathComponent("idx").path])
        #expect(found.stdout.contains("latin1.txt"))
    }

    @Test("an absurdly long query gives results or a message, never a crash")
    func longQuery() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let query = String(repeating: "helsedata ((\"OR -", count: 700)
        let result = try CLIRunner.run(["search", query, "--corpus", CLIRunner.corpus, "--index", folder.path, "--json"])
        #expect(result.status == 0)
    }
}
