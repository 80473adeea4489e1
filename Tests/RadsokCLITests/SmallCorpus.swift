import Foundation

extension CLIRunner {
    /// One case that says "flaskehalser" once: the smallest corpus a search finds something in.
    static let oneCase = ["ho21-møte-2025-1.txt": "Sak 8/1/2025 Helsedata\n\nRådet diskuterte flaskehalser.\n"]

    /// Runs `body` with a fresh temporary folder, removed afterwards.
    static func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Writes `files` into `folder/name` and returns that folder.
    @discardableResult
    static func writeCorpus(_ files: [String: String], in folder: URL, name: String = "corpus") throws -> URL {
        let corpus = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: corpus.appendingPathComponent(file)) }
        return corpus
    }
}
