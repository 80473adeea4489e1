/// A strict "better than" order, known at compile time so that a hot loop can inline it.
protocol RankOrdered {
    static func isBetter(_ a: Self, _ b: Self) -> Bool
}

/// Keeps the best `k` of a stream by `Element.isBetter`, in O(n log k).
struct TopK<Element: RankOrdered> {
    let k: Int
    /// A min-heap by quality: the root is the worst element kept.
    private(set) var heap: [Element] = []

    init(_ k: Int) {
        self.k = k
        heap.reserveCapacity(min(k, 1024))
    }

    @inline(__always)
    private func isBetter(_ a: Element, _ b: Element) -> Bool { Element.isBetter(a, b) }

    mutating func insert(_ element: Element) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(element)
            siftUp(heap.count - 1)
        } else if isBetter(element, heap[0]) {
            heap[0] = element
            siftDown(0)
        }
    }

    /// Best first.
    func sorted() -> [Element] { heap.sorted(by: Element.isBetter) }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBetter(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, isBetter(heap[worst], heap[left]) { worst = left }
            if right < heap.count, isBetter(heap[worst], heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
