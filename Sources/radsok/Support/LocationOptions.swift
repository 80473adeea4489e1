import ArgumentParser
import Foundation

/// Where the corpus and the index are; shared by every command that touches them.
struct LocationOptions: ParsableArguments {
    @Option(help: "Folder of documents to search (default: Corpus/ next to Package.swift, or in the current folder).")
    var corpus: String?

    @Option(help: "Folder holding the index (default: Index/ next to the corpus's project).")
    var index: String?

    var corpusPath: String { corpus ?? (Self.projectRoot() as NSString).appendingPathComponent("Corpus") }
    var indexPath: String { index ?? (Self.projectRoot() as NSString).appendingPathComponent("Index") }

    /// The nearest folder, from the current one or the executable's, that holds Package.swift
    /// and Corpus/; the current folder when there is none.
    static func projectRoot() -> String {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath
        let executable = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL
        for start in [URL(fileURLWithPath: cwd), executable.deletingLastPathComponent()] {
            var folder = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: folder.appendingPathComponent("Corpus").path) {
                    return folder.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return cwd
    }
}
