/// Scores of a relevance set: overall, per scenario, per query.
public struct EvaluationReport: Sendable, Encodable {
    public struct QueryRow: Sendable, Encodable {
        public let id: String
        public let query: String
        public let scenario: String
        public let scores: QueryScores

        enum CodingKeys: String, CodingKey { case id, query, scenario }
        public func encode(to encoder: any Encoder) throws {
            try scores.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(query, forKey: .query)
            try c.encode(scenario, forKey: .scenario)
        }
    }

    public let overall: QueryScores
    public let scenarios: [String: QueryScores]
    public let queries: [QueryRow]
    /// The queries with odd and with even ids, scored apart: a ranking change is kept only when
    /// neither half loses, so that it is not fitted to a few queries of one half.
    public let halves: Halves

    public struct Halves: Sendable, Encodable {
        public let odd: QueryScores
        public let even: QueryScores
    }

    /// Runs every query through `search` (which returns ranked spans, best first, at least 50
    /// when there are that many) and scores it.
    public static func evaluate(_ judgments: RelevanceJudgments, search: (String) throws -> [RankedSpan]) rethrows -> EvaluationReport {
        var rows: [QueryRow] = []
        for query in judgments.queries {
            let hits = try search(query.query)
            rows.append(QueryRow(id: query.id, query: query.query, scenario: query.scenario,
                                 scores: QueryScores(hits: hits, judgments: query.judgments)))
        }
        let scenarios = Dictionary(grouping: rows, by: \.scenario).mapValues { QueryScores.mean($0.map(\.scores)) }
        let odd = rows.filter { Self.isOdd($0.id) }
        let even = rows.filter { !Self.isOdd($0.id) }
        return EvaluationReport(overall: QueryScores.mean(rows.map(\.scores)), scenarios: scenarios, queries: rows,
                                halves: Halves(odd: QueryScores.mean(odd.map(\.scores)),
                                               even: QueryScores.mean(even.map(\.scores))))
    }

    /// Whether the number an id ends in ("D07") is odd; an id without one counts as even.
    static func isOdd(_ id: String) -> Bool {
        let digits = id.reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed())).map { $0 % 2 == 1 } ?? false
    }

    /// The table printed by `radsok eval`.
    public func table(perQuery: Bool, halves showHalves: Bool = false) -> String {
        func row(_ name: String, _ s: QueryScores, _ count: String) -> String {
            name.padding(toLength: 14, withPad: " ", startingAt: 0) + count.leftPad(4)
                + [s.ndcg10, s.recall10, s.recall50, s.mrr].map { String(format: "%9.3f", $0) }.joined()
        }
        var lines = ["scenario         n  nDCG@10     R@10     R@50      MRR"]
        let counts = Dictionary(grouping: queries, by: \.scenario).mapValues(\.count)
        for name in scenarios.keys.sorted() { lines.append(row(name, scenarios[name]!, "\(counts[name] ?? 0)")) }
        lines.append(row("overall", overall, "\(queries.count)"))
        if showHalves {
            let odd = queries.filter { Self.isOdd($0.id) }.count
            lines.append(row("odd ids", halves.odd, "\(odd)"))
            lines.append(row("even ids", halves.even, "\(queries.count - odd)"))
        }
        if perQuery {
            lines.append("")
            for q in queries { lines.append(row(q.id, q.scores, "") + "  " + q.query) }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
