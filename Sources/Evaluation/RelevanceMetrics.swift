import Foundation

/// nDCG@10, Recall@10, Recall@50 and MRR for one query, by the matching rule of FORMAT.md: a hit
/// matches a judgment of the same file whose line range it overlaps, if the hit spans at most 150
/// lines; each judgment is credited once, to the best-ranked hit matching it; a hit overlapping
/// several judgments takes the highest grade not yet credited.
public struct QueryScores: Sendable, Codable, Equatable {
    public var ndcg10: Double
    public var recall10: Double
    public var recall50: Double
    public var mrr: Double

    enum CodingKeys: String, CodingKey {
        case ndcg10 = "ndcg@10", recall10 = "recall@10", recall50 = "recall@50", mrr
    }

    public static let zero = QueryScores(ndcg10: 0, recall10: 0, recall50: 0, mrr: 0)

    public static let maximumHitLines = 150

    public init(ndcg10: Double, recall10: Double, recall50: Double, mrr: Double) {
        self.ndcg10 = ndcg10
        self.recall10 = recall10
        self.recall50 = recall50
        self.mrr = mrr
    }

    public init(hits: [RankedSpan], judgments: [RelevanceJudgments.Judgment]) {
        var credited = Set<Int>()
        var gains: [Int] = []  // grade credited at each rank, 0 when none
        for hit in hits {
            var best: Int?
            if hit.last - hit.first + 1 <= Self.maximumHitLines {
                for (i, j) in judgments.enumerated() where !credited.contains(i) && j.file == hit.file
                    && j.lines.count == 2 && hit.first <= j.lines[1] && j.lines[0] <= hit.last {
                    if best == nil || j.grade > judgments[best!].grade { best = i }
                }
            }
            if let best {
                credited.insert(best)
                gains.append(judgments[best].grade)
            } else {
                gains.append(0)
            }
        }
        func dcg(_ grades: some Sequence<Int>) -> Double {
            grades.enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(judgments.map(\.grade).sorted(by: >).prefix(10))
        ndcg10 = ideal > 0 ? dcg(gains.prefix(10)) / ideal : 0
        let relevant = judgments.filter { $0.grade >= 1 }.count
        recall10 = relevant > 0 ? Double(gains.prefix(10).filter { $0 >= 1 }.count) / Double(relevant) : 0
        recall50 = relevant > 0 ? Double(gains.prefix(50).filter { $0 >= 1 }.count) / Double(relevant) : 0
        mrr = gains.firstIndex(where: { $0 >= 1 }).map { 1 / Double($0 + 1) } ?? 0
    }

    public static func mean(_ all: [QueryScores]) -> QueryScores {
        guard !all.isEmpty else { return .zero }
        let n = Double(all.count)
        return QueryScores(ndcg10: all.map(\.ndcg10).reduce(0, +) / n, recall10: all.map(\.recall10).reduce(0, +) / n,
                           recall50: all.map(\.recall50).reduce(0, +) / n, mrr: all.map(\.mrr).reduce(0, +) / n)
    }
}
