import Foundation
import Testing

@Suite("Counts agree with their nouns: 1 file, 1 section, 1 sak", .serialized)
struct PluralOutputTests {
    /// A corpus of one file with one case that says "flaskehalser" once.
    func withOneCase(_ body: (_ corpus: String, _ index: String) async throws -> Void) async throws {
        try await CLIRunner.withTemporaryFolder { folder in
            let corpus = try CLIRunner.writeCorpus(CLIRunner.oneCase, in: folder)
            try await body(corpus.path, folder.appendingPathComponent("idx").path)
        }
    }

    @Test("index, search, --cases and timeline say 1 of a thing in the singular")
    func singular() async throws {
        try await withOneCase { corpus, index in
            let built = try await CLIRunner.run(["index", "--corpus", corpus, "--index", index])
            #expect(built.stdout.contains("indexed 1 file ("), "\(built.stdout)")
            #expect(built.stdout.contains(" 1 section,"), "\(built.stdout)")
            let location = ["--corpus", corpus, "--index", index]
            let hits = try await CLIRunner.run(["search", "flaskehalser", "--as-typed"] + location)
            #expect(hits.stdout.contains("1 of 1 matching section,"), "\(hits.stdout)")
            let cases = try await CLIRunner.run(["search", "flaskehalser", "--cases"] + location)
            #expect(cases.stdout.contains("1 of 1 matching case,"), "\(cases.stdout)")
            let timeline = try await CLIRunner.run(["timeline", "flaskehalser"] + location)
            #expect(timeline.stdout.contains("1 sak, 0 omtaler"), "\(timeline.stdout)")
            for output in [built.stdout, hits.stdout, cases.stdout, timeline.stdout] {
                #expect(!output.contains("1 files") && !output.contains("1 sections") && !output.contains("1 saker"))
                #expect(!output.contains("(s)"))
            }
        }
    }
}
