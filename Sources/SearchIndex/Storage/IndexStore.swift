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

    /// True when the index was built from exactly the files now in the corpus folder (same
    /// names, sizes and modification times).
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

    static func isFresh(_ metadata: IndexMetadata, corpus: String, files: [CorpusFile]) -> Bool {
        guard metadata.corpusPath == URL(fileURLWithPath: corpus).standardizedFileURL.path else { return false }
        let indexed = Dictionary(metadata.files.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Files skipped at build time (binary, empty) are not in the index; they must not force a
        // rebuild on every search, so only files that are indexed or newer than the build count.
        for file in files {
            if let known = indexed[file.id] {
                if known.size != file.size || known.modified != file.modified { return false }
            } else if file.modified > metadata.builtAt - metadata.buildSeconds - 1 {
                return false
            }
        }
        let present = Set(files.map(\.id))
        return metadata.files.allSatisfy { present.contains($0.id) }
    }

    public static func openFresh(index: String, corpus: String, builder: IndexBuilder = IndexBuilder(),
                                 progress: (@Sendable (String) -> Void)? = nil,
                                 rebuilding: ((RebuildReason) -> Void)? = nil) throws(IndexError) -> (IndexReader, BuildReport?) {
        let files = try scan(corpus)
        let reason: RebuildReason
        do {
            let reader = try IndexReader.open(folder: index)
            if reader.metadata.analysisFingerprint != builder.fingerprint {
                reason = .otherRules
            } else if isFresh(reader.metadata, corpus: corpus, files: files) {
                return (reader, nil)
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
        rebuilding?(reason)
        let report = try builder.build(corpus: corpus, into: index, progress: progress)
        return (try IndexReader.open(folder: index), report)
    }
}
