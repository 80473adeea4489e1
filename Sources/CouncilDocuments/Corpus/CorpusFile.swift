/// A file of the corpus as the file system describes it, before it is read.
public struct CorpusFile: Sendable, Hashable, Codable {
    public let id: String
    public let path: String
    public let size: Int
    /// Modification time in seconds since 1970.
    public let modified: Double
}

/// A path of the corpus folder that is not indexed, and why: nothing is left out without a word.
public struct SkippedPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the corpus folder.
    public let id: String
    /// In a few words: "binary", "symbolic link out of the corpus (not followed)".
    public let reason: String
    public let isFolder: Bool

    public init(id: String, reason: String, isFolder: Bool = false) {
        self.id = id
        self.reason = reason
        self.isFolder = isFolder
    }

    /// The id as it can be shown on one line: control characters (a newline in a file name)
    /// written as escapes.
    public var displayID: String {
        var shown = ""
        for scalar in id.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// The reason for a file that is not a document by its extension (a PDF beside the texts).
    public static let otherType = "not a .txt, .md, .html or .pdf file"
    public var isOtherType: Bool { reason == Self.otherType }

    /// "a.bin (binary)".
    public var description: String { "\(displayID) (\(reason))" }

    public static func < (a: SkippedPath, b: SkippedPath) -> Bool { a.id != b.id ? a.id < b.id : a.reason < b.reason }
}

/// The documents of a corpus folder, and every other path in it that is not indexed.
public struct CorpusListing: Sendable {
    /// In id order, so that builds are deterministic.
    public var files: [CorpusFile]
    /// In id order.
    public var skipped: [SkippedPath]
}
