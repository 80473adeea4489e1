import CouncilDocuments
import Foundation

/// Opens the index of a corpus, building or refreshing it first when it is missing, damaged,
/// from another version, or older than the corpus.
public enum IndexStore {
    /// Why an index was (re)built before use.
    public enum RebuildReason: Sendable, Equatable, CustomStringConvertible {
        case missing, stale, otherRules, unusable(String)
        public var description: String {
            switch self {
            case .missing: "no index yet"
            case .stale: "the corpus changed since the index was built"
            case .otherRules: "the index was built by another version of the analysis"
            case .unusable(let why): why
            }
        }
    }

    /// True when the index was built from exactly the files now in the corpus folder: the same
    /// names, and for each the same size and content.
    public static func isFresh(_ metadata: IndexMetadata, corpus: String, builder: IndexBuilder = IndexBuilder()) throws(IndexError) -> Bool {
        guard metadata.analysisFingerprint == builder.fingerprint else { return false }
        return isFresh(metadata, corpus: corpus, files: try scan(corpus))
    }

    static func scan(_ corpus: String) throws(IndexError) -> [CorpusFile] {
        do {
            return try CorpusScanner.files(in: corpus)
        } catch {
            throw .emptyCorpus(error.description)
        }
    }

    /// Decided by content, not by modification times alone: a file added with an old time
    /// (`cp -p`, `mv`, `tar`, `rsync -a`) is a new name in the list, and a file whose time moved
    /// is hashed and counts as changed only when its bytes did (or, with `timesToo`, counts as
    /// changed: an update then records its new time, so that searches stop hashing it). Files
    /// skipped at build time are in the list too, so they neither hide a change nor force a
    /// rebuild on every search.
    static func isFresh(_ metadata: IndexMetadata, corpus: String, files: [CorpusFile], timesToo: Bool = false) -> Bool {
        guard metadata.corpusPath == URL(fileURLWithPath: corpus).standardizedFileURL.path,
              files.count == metadata.files.count + metadata.skipped.count else { return false }
        let indexed = Dictionary(metadata.files.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let skipped = Dictionary(metadata.skipped.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for file in files {
            if let known = indexed[file.id] {
                guard known.size == file.size else { return false }
                if known.modified != file.modified,
                   timesToo || DocumentReader.contentHash(path: file.path) != known.contentHash { return false }
            } else if let known = skipped[file.id] {
                guard known.size == file.size, known.modified == file.modified else { return false }
            } else {
                return false
            }
        }
        return true
    }


    /// The index, rebuilt first under the folder's lock when it is not fresh. Freshness is checked
    /// again once the lock is held: the build this one waited for may have made the index fresh.
    /// - Parameters:
    ///   - whole: read all the postings at once (`IndexReader.loadAll`), as a server does, so that
    ///     damage anywhere is found now and rebuilt, and the reader never needs the file again.
    ///   - forcing: rebuild for this reason without checking: damage a query found in a postings
    ///     page, which opening could not see (`IndexReader.checkIntact`).
    public static func openFresh(index: String, corpus: String, builder: IndexBuilder = IndexBuilder(), whole: Bool = false,
                                 forcing: RebuildReason? = nil,
                                 progress: (@Sendable (BuildProgress) -> Void)? = nil,
                                 rebuilding: ((RebuildReason) -> Void)? = nil,
                                 waiting: ((String) -> Void)? = nil) throws(IndexError) -> (IndexReader, BuildReport?) {
        if forcing == nil, case .fresh(let reader) = try check(index: index, corpus: corpus, builder: builder, whole: whole) {
            return (reader, nil)
        }
        let lock = try IndexLock(folder: index, waiting: waiting)
        let state: State
        if let forcing { state = .stale(forcing) } else { state = try check(index: index, corpus: corpus, builder: builder, whole: whole) }
        switch state {
        case .fresh(let reader):
            return (reader, nil)
        case .stale(let reason):
            rebuilding?(reason)
            let report = try builder.buildLocked(corpus: corpus, into: index, progress: progress)
            lock.release()
            let reader = try IndexReader.open(folder: index)
            if whole { try reader.loadAll() }
            return (reader, report)
        }
    }

    enum State {
        case fresh(IndexReader)
        case stale(RebuildReason)
    }

    static func check(index: String, corpus: String, builder: IndexBuilder, whole: Bool = false) throws(IndexError) -> State {
        let files = try scan(corpus)
        let reason: RebuildReason
        do {
            let reader = try IndexReader.open(folder: index)
            if whole { try reader.loadAll() }
            if reader.metadata.analysisFingerprint != builder.fingerprint {
                reason = .otherRules
            } else if isFresh(reader.metadata, corpus: corpus, files: files) {
                return .fresh(reader)
            } else {
                reason = .stale
            }
        } catch .missing {
            reason = .missing
        } catch .corrupt(let why) {
            reason = .unusable("the index is damaged (\(why))")
        } catch .unsupportedVersion(let v) {
            reason = .unusable("the index has format version \(v)")
        } catch {
            throw error
        }
        return .stale(reason)
    }
}
