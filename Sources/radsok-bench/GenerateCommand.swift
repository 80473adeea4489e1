import ArgumentParser
import Foundation
import SearchIndex

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic council corpus of a given size (outside the repository)."
    )

    @Option(help: "Total size: 10MB, 100MB, 1GB …")
    var size: String

    @Option(help: "Folder to write into.")
    var out: String

    @Option(help: "Folder of real packages to sample paragraphs from (default: the project's Corpus/).")
    var source: String?

    @Option(help: "Random seed; the same seed writes the same corpus.")
    var seed: UInt64 = 42

    func run() throws {
        guard let bytes = Self.parseSize(size) else { throw ValidationError("size must look like 10MB, 100MB or 1GB") }
        var generator = try CorpusGenerator(source: source ?? BenchPaths.defaultSource)
        generator.seed = seed
        let files = try generator.generate(totalBytes: bytes, into: out)
        print("wrote \(files) files, \(bytes / 1_000_000) MB, to \(out)")
    }

    static func parseSize(_ text: String) -> Int? { ByteSize(text)?.bytes }
}

enum BenchPaths {
    /// The package's root (the folder with Package.swift and Corpus/), found from the current
    /// folder upwards; nil outside the project.
    static var packageRoot: URL? {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: folder.appendingPathComponent("Corpus").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The project's Corpus/.
    static var defaultSource: String { packageRoot?.appendingPathComponent("Corpus").path ?? "Corpus" }

    /// The Tantivy peer's script, Benchmarks/tantivy-peer.py.
    static var tantivyScript: String {
        (packageRoot ?? URL(fileURLWithPath: ".")).appendingPathComponent("Benchmarks/tantivy-peer.py").path
    }
}
