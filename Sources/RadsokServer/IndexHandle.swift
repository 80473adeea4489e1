import Foundation
import SearchIndex
import Synchronization

/// The index a server answers from, swapped atomically when `radsok index` replaces the file.
///
/// Requests take the current `ServedIndex` and keep it for their whole life: a rebuilt index is
/// written to a new file and renamed into place, so the old mapping stays valid until the last
/// request that holds it finishes, and no request is dropped or sees half of either.
public final class IndexHandle: Sendable {
    public let folder: String
    public let corpusPath: String?
    private let state: Mutex<(served: ServedIndex, stamp: FileStamp?, checked: Date)>
    /// How often the file is looked at for a replacement.
    private let checkInterval: TimeInterval

    public init(reader: IndexReader, folder: String, corpusPath: String?, checkInterval: TimeInterval = 1) {
        self.folder = folder
        self.corpusPath = corpusPath
        self.checkInterval = checkInterval
        let stamp = FileStamp(path: Self.path(folder))
        state = Mutex((ServedIndex(reader: reader, corpusPath: corpusPath), stamp, Date()))
    }

    /// The index to answer from: the one loaded, or a newer file if one replaced it.
    public func current() -> ServedIndex {
        state.withLock { state in
            let now = Date()
            guard now.timeIntervalSince(state.checked) >= checkInterval else { return state.served }
            state.checked = now
            let stamp = FileStamp(path: Self.path(folder))
            // The new file is read whole before it is served: a server never depends on its file.
            guard let stamp, stamp != state.stamp, let reader = try? IndexReader.open(folder: folder),
                  (try? reader.loadAll()) != nil else { return state.served }
            state.served = ServedIndex(reader: reader, corpusPath: corpusPath)
            state.stamp = stamp
            return state.served
        }
    }

    static func path(_ folder: String) -> String { (folder as NSString).appendingPathComponent(IndexFormat.fileName) }
}

/// One loaded index with what answering from it needs, shared by concurrent requests.
public struct ServedIndex: Sendable {
    public let reader: IndexReader
    public let service: SearchService
    public let corpusPath: String?
    public let texts: DocumentTextCache

    init(reader: IndexReader, corpusPath: String?) {
        self.reader = reader
        self.service = SearchService(reader: reader)
        self.corpusPath = corpusPath
        self.texts = DocumentTextCache()
    }

    /// A reader of section texts for one request, sharing the documents already read.
    public func textSource() -> SectionTextSource {
        SectionTextSource(reader: reader, corpusPath: corpusPath, shared: texts)
    }
}

/// What identifies one version of the index file: a rename gives a new inode.
struct FileStamp: Equatable {
    let inode: UInt64
    let modified: Date

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
              let modified = attributes[.modificationDate] as? Date else { return nil }
        self.inode = inode
        self.modified = modified
    }
}
