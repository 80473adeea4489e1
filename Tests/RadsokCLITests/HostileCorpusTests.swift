import Foundation
import Testing

extension Tag {
    /// Corpora made to break the indexer: odd encodings, links, FIFOs, names, depth.
    @Tag static var hostile: Self
}

/// `radsok index` on a corpus of everything that has broken indexers: each file is indexed or
/// skipped with its reason, nothing hangs or crashes, and the æøå words of every file that
/// could be decoded are found. (The reduced form: `Benchmarks/hostile-corpus.sh` adds a 10 MB
/// line and a 200 MB file, and measures memory.)
@Suite("A hostile corpus", .tags(.hostile), .serialized, .timeLimit(.minutes(5)))
struct HostileCorpusTests {
    /// Root reads every file whatever its mode, so as root the CLI runs as `nobody`, for whom
    /// `chmod 000` means what it says.
    static let asRoot = getuid() == 0

    static func radsok(_ arguments: [String]) throws -> CLIRunner.Result {
        guard asRoot else { return try CLIRunner.run(arguments) }
        // `setpriv` drops root for the one command; its output goes through files, not pipes.
        let output = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let paths = ["out", "err"].map { output.appendingPathComponent($0).path }
        for path in paths { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", CLIRunner.executable.path] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: paths[0])
        process.standardError = FileHandle(forWritingAtPath: paths[1])
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let texts = try paths.map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self) }
        return CLIRunner.Result(status: process.terminationStatus, stdout: texts[0], stderr: texts[1])
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool = true) -> [UInt8] {
        ((mark ? [0xFEFF] : []) + Array(text.utf16)).flatMap { (unit: UInt16) in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// Writes the corpus; returns the corpus folder.
    static func makeCorpus(in root: URL) throws -> URL {
        let corpus = root.appendingPathComponent("corpus")
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let url = corpus.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            // A minute old: a skipped file changed just before a build would make the next
            // search rebuild the index, to be sure.
            let minuteAgo = Date(timeIntervalSinceNow: -60)
            try FileManager.default.setAttributes([.modificationDate: minuteAgo], ofItemAtPath: url.path)
        }
        func text(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
        try text("vanlig.txt", "Sak 1/1/2025 Helsedata\n\nRådet drøftet helsedata.\n")
        try write("ugyldig-utf8.txt", Array("Sak 2/1/2025 Syltetøy\n\nRådet drøftet blåbærsyltetøy ".utf8) + [0xFF, 0x0A])
        try write("utf16le.txt", utf16("Sak 3/1/2025 Middag\r\n\r\nRådet vedtok kjøttkakemiddag.\r\n", bigEndian: false))
        try write("utf16be.txt", utf16("Sak 4/1/2025 Grøt\n\nRådet vedtok rømmegrøt.\n", bigEndian: true))
        try write("utf16-uten-merke.txt",
                  utf16("Sak 5/1/2025 Fårikål\n\nRådet vedtok fårikålfest.\n", bigEndian: false, mark: false))
        // "Høringssvar om lønnsoppgjøret" in Windows-1252.
        try write("windows-1252.txt", [0x48, 0xF8, 0x72, 0x69, 0x6E, 0x67, 0x73, 0x73, 0x76, 0x61, 0x72, 0x20, 0x6F, 0x6D, 0x20,
                                       0x6C, 0xF8, 0x6E, 0x6E, 0x73, 0x6F, 0x70, 0x70, 0x67, 0x6A, 0xF8, 0x72, 0x65, 0x74, 0x0A])
        try write("nul.txt", Array("Sak 6/1/2025 Bær\n\nRådet plukket\u{0}tyttebær i skogen.\n".utf8))
        try text("lang-linje.txt", String(repeating: "ord ", count: 250_000) + "langlinjeslutt\n")
        try text("tegn.txt", String(repeating: "!?.,;:-–«»()[]{}…", count: 200) + "\n")
        try write("tom.txt", [])
        try text("blank.md", " \n\t\n")
        try write("binær.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        try text("side.html", "<html><head><style>p { color: red }</style>"
                 + "<script type=\"text/javascript\">var skriptord = 1 < 2;</script></head>\n"
                 + "<body><p>Rådet møttes om nettsideordet</p></body></html>\n")
        try text("blåbær møte 🙂.txt", "Rådet drøftet emojimøtet.\n")
        try text("linje\nskift.txt", "Rådet drøftet linjeskiftnavnet.\n")
        try text((0..<200).map { "d\($0)" }.joined(separator: "/") + "/dypt.txt", "Rådet drøftet dypmappeordet.\n")
        try text("ulesbar.txt", "Rådet drøftet hemmeligulesbar.\n")
        try text("låst/inni.txt", "Rådet drøftet hemmeliglåst.\n")
        try Data("Rådet drøftet hemmeligutenfor.\n".utf8).write(to: root.appendingPathComponent("utenfor.txt"))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("utenfor.txt").path, withDestinationPath: "../utenfor.txt")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("løkke1.txt").path, withDestinationPath: "løkke2.txt")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("løkke2.txt").path, withDestinationPath: "løkke1.txt")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("opp").path, withDestinationPath: ".")
        #expect(mkfifo(corpus.appendingPathComponent("rør.txt").path, 0o644) == 0)
        #expect(chmod(corpus.appendingPathComponent("ulesbar.txt").path, 0) == 0)
        #expect(chmod(corpus.appendingPathComponent("låst").path, 0) == 0)
        return corpus
    }

    @Test("every file is indexed or skipped with its reason, and the decoded files' words are found")
    func hostileCorpus() throws {
        let root = try CLIRunner.temporaryFolder()
        let index = root.appendingPathComponent("index")
        defer {
            _ = chmod(root.appendingPathComponent("corpus/låst").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let corpus = try Self.makeCorpus(in: root)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        #expect(chmod(index.path, 0o777) == 0)

        let built = try Self.radsok(["index", "--corpus", corpus.path, "--index", index.path])
        #expect(built.status == 0, "stderr: \(built.stderr)")
        let summary = built.stderr.split(separator: "\n").first { $0.contains("skipped ") } ?? ""
        #expect(summary.hasPrefix("radsok: skipped 10 files and folders: "), "stderr: \(built.stderr)")
        for expected in ["binær.txt (binary)", "blank.md (empty)", "tom.txt (empty)", "løkke1.txt (symbolic link loop)",
                         "løkke2.txt (symbolic link loop)", "utenfor.txt (symbolic link out of the corpus (not followed))",
                         "rør.txt (FIFO, not a regular file)", "ulesbar.txt (cannot read: Permission denied)",
                         "låst (cannot open folder: Permission denied)", "opp (symbolic link to the folder ."] {
            #expect(summary.contains(expected), "\(expected) missing from: \(summary)")
        }
        #expect(built.stdout.contains("indexed 13 files"), "stdout: \(built.stdout)")
        #expect(built.stderr.contains("utf16le.txt is UTF-16 (little-endian)"))

        let found: [(String, String)] = [
            ("blåbærsyltetøy", "ugyldig-utf8.txt"), ("kjøttkakemiddag", "utf16le.txt"), ("rømmegrøt", "utf16be.txt"),
            ("fårikålfest", "utf16-uten-merke.txt"), ("lønnsoppgjøret", "windows-1252.txt"), ("tyttebær", "nul.txt"),
            ("langlinjeslutt", "lang-linje.txt"), ("nettsideordet", "side.html"), ("emojimøtet", "blåbær møte 🙂.txt"),
            ("linjeskiftnavnet", "linje\\nskift.txt"), ("dypmappeordet", "dypt.txt"),
        ]
        for (word, file) in found {
            let result = try Self.radsok(["search", word, "--json", "--corpus", corpus.path, "--index", index.path])
            #expect(result.status == 0 && result.stdout.contains(file), "\(word): \(result.stdout) \(result.stderr)")
            #expect(!result.stdout.contains("\\u0000"))
        }
        // Words only in what must not be read: no hit names the file they are in.
        let hidden = [("skriptord", "side.html"), ("hemmeligutenfor", "utenfor.txt"), ("hemmeligulesbar", "ulesbar.txt"),
                      ("hemmeliglåst", "inni.txt")]
        for (word, file) in hidden {
            let result = try Self.radsok(["search", word, "--json", "--corpus", corpus.path, "--index", index.path])
            #expect(result.status == 0 && !result.stdout.contains(file), "\(word): \(result.stdout)")
        }
    }
}
