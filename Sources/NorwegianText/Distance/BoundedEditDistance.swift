/// Optimal-string-alignment distance with a cut-off: gives up as soon as every path exceeds
/// `maximum`, which is what keeps a scan of the whole vocabulary fast. Used for typos in queries
/// and for OCR-damaged label words in the structure parser.
public struct BoundedEditDistance: Sendable {
    public init() {}

    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    public mutating func distance(_ a: [UInt32], _ b: [UInt32], maximum: Int) -> Int? {
        if abs(a.count - b.count) > maximum { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        previous2 = [Int](repeating: 0, count: width)
        previous = Array(0..<width)
        current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > maximum { return nil }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= maximum ? result : nil
    }
}
