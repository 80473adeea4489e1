import Foundation
import Testing
@testable import CouncilDocuments

/// A corpus folder is whatever people put there: links, FIFOs, odd names, deep trees. The
/// scanner lists the documents and says why every other path is left out, without following a
/// link out of the folder, looping, or opening anything that is not a regular file.
/// The time limit catches a walk that never ends (a link loop, a FIFO opened), not slowness: it is
/// generous because on a busy two-core machine a test can wait minutes for a thread before it runs.
@Suite("Listing a corpus folder", .timeLimit(.minutes(10)))
struct CorpusScannerTests {
    /// A fresh folder with a corpus inside and room beside it, removed by the caller.
    struct Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-scan-\(UUID().uuidString)").path
        var corpus: String { root + "/corpus" }

        init() throws { try FileManager.default.createDirectory(atPath: root + "/corpus", withIntermediateDirectories: true) }

        func write(_ id: String, _ text: String = "Rådet møttes.") throws {
            let path = corpus + "/" + id
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        func link(_ id: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: corpus + "/" + id, withDestinationPath: destination)
        }

        func remove() {
            _ = chmod(corpus + "/låst", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }

        func scan() throws -> CorpusListing { try CorpusScanner.scan(corpus) }
    }

    func reason(_ listing: CorpusListing, _ id: String) -> String? { listing.skipped.first { $0.id == id }?.reason }

    @Test("a link out of the corpus is not followed, and is reported")
    func linkOut() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("a.txt")
        try Data("root:x:0:0".utf8).write(to: URL(fileURLWithPath: folder.root + "/passwd.txt"))
        try folder.link("passord.txt", to: folder.root + "/passwd.txt")
        try folder.link("relativ.txt", to: "../passwd.txt")
        let listing = try folder.scan()
        #expect(listing.files.map(\.id) == ["a.txt"])
        #expect(reason(listing, "passord.txt") == "symbolic link out of the corpus (not followed)")
        #expect(reason(listing, "relativ.txt") == "symbolic link out of the corpus (not followed)")
    }

    @Test("link loops and links to folders end the walk instead of running round, each reported")
    func loops() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("mappe/a.txt")
        try folder.link("x.txt", to: "y.txt")
        try folder.link("y.txt", to: "x.txt")
        try folder.link("mappe/opp", to: "..")
        try folder.link("mappe/selv", to: ".")
        try folder.link("borte.txt", to: "finnes-ikke.txt")
        let listing = try folder.scan()
        #expect(listing.files.map(\.id) == ["mappe/a.txt"])
        #expect(reason(listing, "x.txt") == "symbolic link loop")
        #expect(reason(listing, "y.txt") == "symbolic link loop")
        #expect(reason(listing, "mappe/opp")?.hasPrefix("symbolic link to the folder . (not followed") == true)
        #expect(reason(listing, "mappe/selv")?.hasPrefix("symbolic link to the folder mappe (not followed") == true)
        #expect(reason(listing, "borte.txt") == "broken symbolic link: its target does not exist")
    }

    @Test("a link to a file inside the corpus is read under its name, unless the file is listed already")
    func linksInside() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("a.txt")
        try folder.write(".arkiv/gammel.txt", "Eldre referat.")
        try folder.link("kopi.txt", to: "a.txt")
        try folder.link("gammel.txt", to: ".arkiv/gammel.txt")
        let listing = try folder.scan()
        #expect(listing.files.map(\.id) == ["a.txt", "gammel.txt"])
        #expect(reason(listing, "kopi.txt") == "symbolic link to a.txt, which is read under its own name")
        #expect(try DocumentReader.read(path: listing.files[1].path, id: "gammel.txt").text == "Eldre referat.")
    }

    @Test("a FIFO is reported and never opened: reading one would block forever")
    func fifo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("a.txt")
        #expect(mkfifo(folder.corpus + "/rør.txt", 0o644) == 0)
        let listing = try folder.scan()
        #expect(listing.files.map(\.id) == ["a.txt"])
        #expect(reason(listing, "rør.txt") == "FIFO, not a regular file")
        // Put where a listed file was, it is refused by the reader on its open descriptor.
        #expect(throws: DocumentReadError.notAFile(path: "rør.txt", kind: "FIFO")) {
            try DocumentReader.read(path: folder.corpus + "/rør.txt", id: "rør.txt")
        }
    }

    @Test("names with æøå, spaces, emoji and line breaks, and files 200 folders deep, are listed")
    func namesAndDepth() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let names = ["blåbær og rødgrøt.txt", "møte 🙂.md", "linje\nskift.txt"]
        for name in names { try folder.write(name) }
        let deep = (0..<200).map { "n\($0)" }.joined(separator: "/") + "/dypt.txt"
        try folder.write(deep)
        let listing = try folder.scan()
        #expect(Set(listing.files.map(\.id)) == Set(names + [deep]))
        #expect(listing.skipped.isEmpty)
        #expect(SkippedPath(id: "linje\nskift.txt", reason: "binary").description == "linje\\nskift.txt (binary)")
    }

    @Test("other files, names that are not UTF-8, and a second spelling of a name are reported")
    func otherPaths() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("a.txt")
        try folder.write("vedlegg.docx")
        try folder.write(".skjult.txt")
        try folder.write("r\u{E5}d.txt")
        try folder.write("ra\u{30A}d.txt")
        let latin1Name = Array((folder.corpus + "/m").utf8) + [0xF8, 0x74, 0x65] + Array(".txt".utf8) + [0]
        let fd = latin1Name.withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        let listing = try folder.scan()
        // One of the two spellings is listed (Swift compares the ids as equal), the other reported.
        #expect(listing.files.map(\.id) == ["a.txt", "r\u{E5}d.txt"])
        #expect(reason(listing, "vedlegg.docx") == "not a .txt, .md, .html or .pdf file")
        #expect(reason(listing, "ra\u{30A}d.txt") == "same name as another file, written with other code points")
        #expect(listing.skipped.contains { $0.reason == "name is not valid UTF-8" })
        #expect(!listing.skipped.contains { $0.id.contains("skjult") })
    }

    @Test("an unreadable folder is reported (not as root, who can open any folder)", .enabled(if: getuid() != 0))
    func unreadableFolder() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("a.txt")
        try folder.write("låst/b.txt")
        #expect(chmod(folder.corpus + "/låst", 0) == 0)
        let listing = try folder.scan()
        #expect(listing.files.map(\.id) == ["a.txt"])
        #expect(reason(listing, "låst")?.hasPrefix("cannot open folder: ") == true)
    }

    @Test("a file that cannot be opened is refused with the system's reason")
    func unopenable() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // Removed after listing (root reads every file whatever its mode, so this is the
        // failure a test can make in any account).
        #expect(throws: DocumentReadError.unreadable(path: "borte.txt", reason: "No such file or directory")) {
            try DocumentReader.read(path: folder.corpus + "/borte.txt", id: "borte.txt")
        }
    }
}
