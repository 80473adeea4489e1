import Foundation

/// Extracted PDF text kept in the index folder under the PDF's content hash, so that a rebuild
/// (or a change to another file) never extracts, let alone OCRs, the same file twice.
///
/// An entry is the text (`<hash>.txt`) or, for a file the tools could not read, the reason
/// (`<hash>.failed`), so that a malformed PDF does not cost its time limit on every build. Entries
/// are written to a temporary name and renamed, so a killed build leaves whole entries or none.
public struct ExtractedTextCache: Sendable {
    public let folder: String

    /// The cache of the index in `indexFolder`.
    public init(indexFolder: String) {
        folder = (indexFolder as NSString).appendingPathComponent("extracted")
    }

    public enum Entry: Equatable, Sendable {
        case text(String)
        case failed(String)
    }

    /// The hash alone: it mixes in the byte count already.
    static func key(hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public func entry(hash: UInt64) -> Entry? {
        let base = (folder as NSString).appendingPathComponent(Self.key(hash: hash))
        if let data = FileManager.default.contents(atPath: base + ".txt") {
            return .text(String(decoding: data, as: UTF8.self))
        }
        if let data = FileManager.default.contents(atPath: base + ".failed") {
            return .failed(String(decoding: data, as: UTF8.self))
        }
        return nil
    }

    /// Stores an entry; a cache that cannot be written (read-only index folder) is only slower.
    public func store(_ entry: Entry, hash: UInt64) {
        let (suffix, text) = switch entry {
        case .text(let text): (".txt", text)
        case .failed(let reason): (".failed", reason)
        }
        let name = Self.key(hash: hash) + suffix
        let final = (folder as NSString).appendingPathComponent(name)
        let temporary = final + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, final) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Removes the entries of files no longer in the index, and temporary files of killed builds.
    public func keepOnly(hashes: [UInt64]) {
        let kept = Set(hashes.map(Self.key))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let key = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            if kept.contains(key), name.hasSuffix(".txt") || name.hasSuffix(".failed") { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}
