import Synchronization

/// Per-section accumulators for one query at a time, kept between queries so that a query costs
/// what its postings cost, not a pass over every section of the index, and no allocation grows
/// while postings are walked.
///
/// Invariant between uses: every accumulator is all zeros and both lists are empty. A query
/// records the sections it touches and zeroes just those when it is done.
final class ScoreScratch {
    let total: ZeroedBuffer<Float>
    let wordScore: ZeroedBuffer<Float>
    let titleScore: ZeroedBuffer<Float>
    let matched: ZeroedBuffer<UInt16>
    /// Sections a query has touched, and those the word being scored has touched.
    var queryTouched: SectionList
    var wordTouched: SectionList

    init(sectionCount: Int) {
        total = ZeroedBuffer(count: sectionCount)
        wordScore = ZeroedBuffer(count: sectionCount)
        titleScore = ZeroedBuffer(count: sectionCount)
        matched = ZeroedBuffer(count: sectionCount)
        queryTouched = SectionList(capacity: sectionCount)
        wordTouched = SectionList(capacity: sectionCount)
    }

    /// Zeroes what the query touched.
    func reset() {
        total.withUnsafeMutableBufferPointer { total in
            matched.withUnsafeMutableBufferPointer { matched in
                for section in queryTouched.elements {
                    total[Int(section)] = 0
                    matched[Int(section)] = 0
                }
            }
        }
        queryTouched.removeAll()
    }
}

/// A list of section numbers with room for every section, so appending never reallocates.
struct SectionList {
    private let storage: ZeroedBuffer<Int32>
    private(set) var count = 0

    init(capacity: Int) { storage = ZeroedBuffer(count: capacity) }

    /// Hands out the storage and the count for a walk that appends (`list[count] = s; count += 1`).
    mutating func withStorage<R>(_ body: (UnsafeMutablePointer<Int32>, inout Int) -> R) -> R {
        var n = count
        let result = storage.withUnsafeMutableBufferPointer { body($0.baseAddress!, &n) }
        count = n
        return result
    }

    var elements: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: storage.pointer[0..<count]) }

    mutating func removeAll() { count = 0 }
}

/// Hands each concurrent query a scratch of its own; as many exist as queries ran at once.
final class ScratchPool: Sendable {
    private let sectionCount: Int
    private let free = Mutex<[ScoreScratch]>([])

    init(sectionCount: Int) {
        self.sectionCount = sectionCount
    }

    func withScratch<R>(_ body: (ScoreScratch) -> R) -> R {
        let scratch = free.withLock { $0.popLast() } ?? ScoreScratch(sectionCount: sectionCount)
        defer { free.withLock { $0.append(scratch) } }
        return body(scratch)
    }
}

// Sendable by use: a scratch is only ever in one query's hands. `ScratchPool` hands each out
// from under its lock to one caller and takes it back after, and a scratch made outside a pool
// (`ScoreScratch(sectionCount: 0)`) stays in the scorer that made it.
extension ScoreScratch: @unchecked Sendable {}
