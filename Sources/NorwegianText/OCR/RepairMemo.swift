import Synchronization

/// Repairs already decided, shared by every document of one index build: OCR damage repeats
/// itself across a corpus, so each distinct word is weighed once, not once per document.
public final class RepairMemo: Sendable {
    private let entries = Mutex<[String: String?]>([:])

    public init() {}

    /// Every word decided so far that was repaired, with its repair: what an index keeps to show
    /// a damaged passage repaired.
    public var repairs: [String: String] {
        entries.withLock { entries in entries.compactMapValues { $0 } }
    }

    func value(for word: String, _ compute: () -> String?) -> String? {
        if let known = entries.withLock({ $0[word] }) { return known }
        let repaired = compute()
        entries.withLock { $0[word] = .some(repaired) }
        return repaired
    }
}

/// The decisions one analysis made, for one file: each word the repair step weighed, with what
/// it decided (nil: kept as written).
public final class RepairLog: Sendable {
    private let entries = Mutex<[String: String?]>([:])

    public init() {}

    public var decisions: [String: String?] { entries.withLock { $0 } }

    func record(_ decisions: [String: String?]) {
        guard !decisions.isEmpty else { return }
        entries.withLock { $0.merge(decisions) { a, _ in a } }
    }
}
