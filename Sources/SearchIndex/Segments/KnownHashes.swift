import CouncilDocuments
import Foundation

/// The content hashes the index being replaced lists for its files: a file whose size and
/// modification time are unchanged is taken to have the same content, so an update finds its
/// segment without reading the file (as `IndexStore.isFresh` trusts unchanged times).
struct KnownHashes: Sendable {
    private let files: [String: IndexedFile]

    /// Nothing is known of an index made by other rules: its segments are of no use.
    init(_ previous: IndexMetadata?, fingerprint: String) {
        guard let previous, previous.analysisFingerprint == fingerprint else {
            files = [:]
            return
        }
        files = Dictionary(previous.files.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func hash(of file: CorpusFile) -> UInt64? {
        guard let known = files[file.id], known.size == file.size, known.modified == file.modified else { return nil }
        return known.contentHash
    }
}
