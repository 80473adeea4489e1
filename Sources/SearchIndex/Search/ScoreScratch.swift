import Synchronization

/// Per-section accumulators for one query at a time, kept between queries so that a query costs
/// what its postings cost, not a pass over every section of the index.
///
/// Invariant between uses: every array is all zeros. A query records the sections it touches and
/// zeroes just those when it is done.
final class ScoreScratch {
    var total: [Float]
    var wordScore: [Float]
    var titleScore: [Float]
    var matched: [UInt16]

    init(sectionCount: Int) {
        total = [Float](repeating: 0, count: sectionCount)
        wordScore = total
        titleScore = total
        matched = [UInt16](repeating: 0, count: sectionCount)
    }

    func reset(_ touched: [Int32]) {
        total.withUnsafeMutableBufferPointer { total in
            matched.withUnsafeMutableBufferPointer { matched in
                for section in touched {
                    total[Int(section)] = 0
                    matched[Int(section)] = 0
                }
            }
        }
    }
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

extension ScoreScratch: @unchecked Sendable {}
