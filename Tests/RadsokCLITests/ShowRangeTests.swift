import Foundation
import Testing

@Suite("radsok show takes the page's en-dash ids and any lines of a document")
struct ShowRangeTests {
    func show(_ id: String) async throws -> CLIRunner.Result {
        try await CLIRunner.run(["show", id, "--json", "--corpus", CLIRunner.corpus,
                           "--index", try await CLIRunner.sharedIndex().path])
    }

    func sections(_ result: CLIRunner.Result) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (json["sections"] as? [[String: Any]] ?? [])
            .map { "\($0["file"]!):\(($0["lines"] as! [Int]).map(String.init))" }
    }

    static let file = "ho21-møte-2025-2-sakspapirer.txt"

    @Test("file:FIRST–LAST with an en dash, a single line, and lines inside a section", arguments: [
        "\(file):284–305", "\(file):290", "\(file):286-288", "\(file):284 – 305",
    ])
    func insideOneSection(_ id: String) async throws {
        let result = try await show(id)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sections(result) == ["\(Self.file):[\"284\", \"305\"]"])
    }

    @Test("lines across two sections show both, in the order of the file")
    func acrossSections() async throws {
        let result = try await show("\(Self.file):300–310")
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try sections(result)
        #expect(shown.count >= 2)
        #expect(shown.first == "\(Self.file):[\"284\", \"305\"]")
    }

    @Test("lines past the end of the document are not found (1); a backwards range is a usage error (2)")
    func outside() async throws {
        #expect(try await show("\(Self.file):99990-99999").status == 1)
        #expect(try await show("\(Self.file):310-300").status == 2)
    }
}
