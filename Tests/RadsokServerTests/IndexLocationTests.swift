import Foundation
import RadsokServer
import SearchIndex
import Testing

@Suite("Index locations that cannot be one")
struct IndexLocationTests {
    @Test("an index file that is a folder, or an index folder that is a file, is said plainly")
    func problems() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-location-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folderNamedLikeTheIndex = root.appendingPathComponent(IndexFormat.fileName)
        try FileManager.default.createDirectory(at: folderNamedLikeTheIndex, withIntermediateDirectories: true)
        #expect(IndexLocation.problem(folder: root.path)?.contains("is a folder, not an index file") == true)
        let file = root.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        #expect(IndexLocation.problem(folder: file.path)?.contains("is a file, not a folder") == true)
        #expect(IndexLocation.problem(folder: root.appendingPathComponent("new").path) == nil)
    }
}
