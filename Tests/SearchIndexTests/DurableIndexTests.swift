import Foundation
import Synchronization
import Testing
@testable import SearchIndex

/// The index survives what happens to its files: damage is refused with a clear message,
/// leftovers of killed builds are cleared, builds take turns, and a reader never depends on the
/// file staying as it was.
@Suite("Durable index: refusal of damage, orphans, the build lock, freshness by content")
struct DurableIndexTests {
    let files = [
        "møte.txt": "Sak 8/1/2025 Bedre tilgang til helsedata\n\nRådet diskuterte helsedata og KSF.\n\n"
            + "Vedtak: Rådet tar saken til orientering.",
        "annet.txt": "Årsrapport\n\nHelseOmsorg21-rådet arbeider med forskning og innovasjon.",
    ]
    let queries = ["helsedata", "rådet", "KSF", "forskning innovasjon", "\"tar saken\""]

    func answers(_ reader: IndexReader) -> [[Int]] {
        queries.map { query in Searcher(reader: reader).search(reader.plan(query), limit: 10).hits.map(\.sectionID) }
    }

    @Test("every flipped byte is refused as damage, or (padding between blocks) changes no answer")
    func flippedBytes() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let expected = answers(try corpus.open())
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: corpus.indexFile)))
        var refused = 0
        var harmless = 0
        let stride = max(1, original.count / 1500)
        for offset in Swift.stride(from: 0, to: original.count, by: stride) {
            var bytes = original
            bytes[offset] ^= 1 << UInt8(offset % 8)
            do {
                let reader = try IndexReader(data: Data(bytes))
                #expect(answers(reader) == expected, "a flip at \(offset) of \(original.count) changed the answers")
                harmless += 1
            } catch {
                refused += 1
            }
        }
        print("flipped one bit at \(refused + harmless) offsets of \(original.count) bytes: \(refused) refused, \(harmless) harmless")
        #expect(refused > 0)
        #expect(harmless < refused / 20, "only padding may be harmless: \(harmless) of \(refused + harmless)")
    }

    @Test("a truncated, empty, foreign or folder 'index' is refused with a message that says which")
    func refusedFiles() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let original = try Data(contentsOf: URL(fileURLWithPath: corpus.indexFile))
        func message(_ data: Data) -> String {
            do {
                _ = try IndexReader(data: data)
                return "opened"
            } catch {
                return error.description
            }
        }
        for length in Swift.stride(from: 1, to: original.count, by: max(1, original.count / 200)) {
            #expect(message(original.prefix(length)).contains("damaged"), "cut at \(length)")
        }
        #expect(message(Data()).contains("empty"))
        #expect(message(Data("Rådet tar saken til orientering.".utf8)).contains("not a Rådsøk index"))
        var otherVersion = original
        otherVersion[8] = 99
        #expect(message(otherVersion).contains("version 99"))

        try FileManager.default.removeItem(atPath: corpus.indexFile)
        try FileManager.default.createDirectory(atPath: corpus.indexFile, withIntermediateDirectories: false)
        let error = #expect(throws: IndexError.self) { try corpus.open() }
        #expect(error?.description.contains("is a folder, not an index file") == true)
        #expect(error?.description.contains("/") == false, "no file-system path in \(String(describing: error))")
    }

    @Test("a reader answers after its file is truncated or overwritten in place (no shared mapping)")
    func fileChangedUnderReader() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        let expected = answers(reader)
        #expect(truncate(corpus.indexFile, 0) == 0)
        #expect(answers(reader) == expected)
        try Data(repeating: 0xAB, count: 1 << 16).write(to: URL(fileURLWithPath: corpus.indexFile))
        #expect(answers(reader) == expected)
    }

    @Test("the temporary file of a build killed while writing is removed by the next build")
    func orphansRemoved() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let orphan = (corpus.index as NSString).appendingPathComponent(IndexWriter.temporaryName(pid: 999_999))
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: orphan))
        try corpus.build()
        #expect(!FileManager.default.fileExists(atPath: orphan))
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.index)
        #expect(Set(names) == [IndexFormat.fileName, IndexLock.fileName, SegmentStore.folderName])
    }

    @Test("a build waits for the build that holds the lock, and says so")
    func buildsTakeTurns() async throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        let held = try IndexLock(folder: corpus.index)
        let said = Said()
        let build = Task.detached { [index = corpus.index, source = corpus.corpus] in
            try IndexBuilder().build(corpus: source, into: index, waiting: { said.add($0) })
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(said.lines.count == 1)
        #expect(said.lines.first?.contains("another radsok is building this index") == true)
        #expect(!FileManager.default.fileExists(atPath: corpus.indexFile), "the build must not write while waiting")
        held.release()
        _ = try await build.value
        #expect(FileManager.default.fileExists(atPath: corpus.indexFile))
    }

    @Test("a waiting build gives up after its timeout with a clear message")
    func lockTimeout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let held = try IndexLock(folder: folder)
        let error = #expect(throws: IndexError.self) { _ = try IndexLock(folder: folder, timeout: 0.2) }
        #expect(error?.description.contains("gave up") == true)
        held.release()
        _ = try IndexLock(folder: folder, timeout: 0.2)
    }

    @Test("a new file with an old modification time (cp -p, mv, tar) makes the index stale")
    func oldTimestampNewFile() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        _ = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        try corpus.write("gammel.txt", "Et dokument om arendalsuka, kopiert med gammel tid.")
        let path = (corpus.corpus as NSString).appendingPathComponent("gammel.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_577_836_800)], ofItemAtPath: path)
        let (reader, report) = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        #expect(report != nil)
        #expect(reader.termID("arendalsuk") != nil)
    }

    @Test("a touched file with the same bytes keeps the index; the same size with other bytes does not")
    func freshnessByContent() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        _ = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        let path = (corpus.corpus as NSString).appendingPathComponent("annet.txt")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: path)
        #expect(try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus).1 == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try corpus.write("annet.txt", text.replacingOccurrences(of: "forskning", with: "forsknimg"))
        #expect(try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus).1 != nil)
    }

    @Test("a skipped file neither forces a rebuild on every search nor hides its own change")
    func skippedFiles() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.writeBytes("tom.txt", [])
        #expect(try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus).1 != nil)
        #expect(try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus).1 == nil)
        try corpus.write("tom.txt", "Nå med tekst om arendalsuka.")
        let (reader, report) = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        #expect(report != nil)
        #expect(reader.termID("arendalsuk") != nil)
    }
}

/// Lines a callback was given, from any thread.
final class Said: Sendable {
    private let state = Mutex<[String]>([])
    func add(_ line: String) { state.withLock { $0.append(line) } }
    var lines: [String] { state.withLock { $0 } }
}
