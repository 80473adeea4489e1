import ArgumentParser
import Foundation

/// Where the corpus and the index are; shared by every command that touches them.
struct LocationOptions: ParsableArguments {
    @Option(help: "Folder of documents to search (default: Corpus/ in the current folder, else next to Package.swift).")
    var corpus: String?

    @Option(help: "Folder holding the index (default: Index/ beside the corpus's Corpus/).")
    var index: String?

    func validate() throws {
        if corpus?.allSatisfy(\.isWhitespace) == true {
            throw ValidationError("--corpus: give the folder of documents")
        }
        if index?.allSatisfy(\.isWhitespace) == true { throw ValidationError("--index: give the folder of the index") }
    }

    var corpusPath: String { corpus ?? (Self.projectRoot() as NSString).appendingPathComponent("Corpus") }
    var indexPath: String { index ?? (Self.projectRoot() as NSString).appendingPathComponent("Index") }

    /// The folder whose Corpus/ and Index/ are the defaults: the current folder when it holds
    /// Corpus/, else the nearest folder above it or above the executable that holds Package.swift
    /// and Corpus/ (the build tree, for `swift run` from anywhere), else the current folder.
    static func projectRoot() -> String {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath
        if fm.fileExists(atPath: (cwd as NSString).appendingPathComponent("Corpus")) { return cwd }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: cwd))
            .standardizedFileURL
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

    /// A line saying which corpus and index are used when the user did not name them and they
    /// are not Corpus/ and Index/ of the current folder: searching a build tree's corpus from an
    /// empty folder must not look like searching this one. Nil when there is nothing to say.
    var whereNote: String? {
        let root = Self.projectRoot()
        let cwd = FileManager.default.currentDirectoryPath
        guard (corpus == nil || index == nil), Self.standardized(root) != Self.standardized(cwd) else { return nil }
        // The root is the current folder whenever that holds Corpus/, so here it does not.
        return "using corpus \(Self.standardized(corpusPath)) and index \(Self.standardized(indexPath))"
            + " (no Corpus/ here)"
    }

    /// Says `whereNote` on stderr, if there is one.
    func noteWhere() {
        if let whereNote { Terminal.note(whereNote) }
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
