import Foundation

/// A file of the corpus as the file system describes it, before it is read.
public struct CorpusFile: Sendable, Hashable, Codable {
    public let id: String
    public let path: String
    public let size: Int
    /// Modification time in seconds since 1970.
    public let modified: Double
}

public enum CorpusError: Error, CustomStringConvertible, Sendable {
    case missingFolder(String)
    case notAFolder(String)
    case noDocuments(String)

    public var description: String {
        switch self {
        case .missingFolder(let p): "corpus folder \(p) does not exist"
        case .notAFolder(let p): "corpus path \(p) is not a folder"
        case .noDocuments(let p): "corpus folder \(p) has no .txt, .md or .html documents"
        }
    }
}

/// Lists the documents of a corpus folder (recursively, hidden files left out), in id order so
/// that builds are deterministic.
public enum CorpusScanner {
    public static func files(in folder: String) throws(CorpusError) -> [CorpusFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { throw .missingFolder(folder) }
        guard isDirectory.boolValue else { throw .notAFolder(folder) }
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var files: [CorpusFile] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            throw .missingFolder(folder)
        }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            guard DocumentReader.supportedExtensions.contains(url.pathExtension.lowercased()),
                  let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let id = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : url.lastPathComponent
            files.append(CorpusFile(id: id, path: path, size: values.fileSize ?? 0,
                                    modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
        }
        guard !files.isEmpty else { throw .noDocuments(folder) }
        return files.sorted { $0.id < $1.id }
    }
}
