import Foundation
import Testing
@testable import Evaluation

@Suite("Relevance metrics by the rule of FORMAT.md")
struct RelevanceMetricsTests {
    typealias J = RelevanceJudgments.Judgment

    func judgment(_ file: String, _ a: Int, _ b: Int, grade: Int) -> J {
        try! JSONDecoder().decode(J.self, from: Data(#"{"file":"\#(file)","lines":[\#(a),\#(b)],"grade":\#(grade)}"#.utf8))
    }

    @Test("nDCG uses gains 2^g − 1 and log2 discounts")
    func graded() {
        let judgments = [judgment("f", 10, 20, grade: 2), judgment("f", 30, 40, grade: 1)]
        // ranks: miss, grade 1, grade 2 → DCG = 1/log2(3) + 3/log2(4) = 0.63093 + 1.5
        // ideal: 3/1 + 1/log2(3) = 3.63093
        let scores = QueryScores(hits: [RankedSpan(file: "f", first: 1, last: 5), RankedSpan(file: "f", first: 35, last: 36),
                                        RankedSpan(file: "f", first: 15, last: 16)], judgments: judgments)
        #expect(abs(scores.ndcg10 - 2.13093 / 3.63093) < 1e-4)
        #expect(scores.recall10 == 1)
        #expect(abs(scores.mrr - 0.5) < 1e-9)
    }

    @Test("a judgment is credited once; later hits on it count as misses")
    func creditedOnce() {
        let judgments = [judgment("f", 10, 20, grade: 2)]
        let scores = QueryScores(hits: [RankedSpan(file: "f", first: 11, last: 12), RankedSpan(file: "f", first: 13, last: 14)],
                                 judgments: judgments)
        #expect(abs(scores.ndcg10 - 1) < 1e-9)
        #expect(scores.recall10 == 1)
    }

    @Test("a hit spanning more than 150 lines is not credited")
    func overlongHits() {
        let scores = QueryScores(hits: [RankedSpan(file: "f", first: 1, last: 151)], judgments: [judgment("f", 10, 20, grade: 2)])
        #expect(scores.ndcg10 == 0)
        #expect(scores.mrr == 0)
    }

    @Test("a hit overlapping two judgments takes the higher grade, leaving the other for later hits")
    func highestGradeFirst() {
        let judgments = [judgment("f", 1, 10, grade: 1), judgment("f", 11, 20, grade: 2)]
        let scores = QueryScores(hits: [RankedSpan(file: "f", first: 5, last: 15), RankedSpan(file: "f", first: 2, last: 3)],
                                 judgments: judgments)
        #expect(abs(scores.ndcg10 - 1) < 1e-9)
        #expect(scores.recall50 == 1)
    }

    @Test("hits in another file or outside the span do not match")
    func noMatch() {
        let scores = QueryScores(hits: [RankedSpan(file: "g", first: 10, last: 20), RankedSpan(file: "f", first: 21, last: 30)],
                                 judgments: [judgment("f", 10, 20, grade: 1)])
        #expect(scores.recall50 == 0)
    }
}

@Suite("eval --halves: odd and even query ids scored apart")
struct EvaluationHalvesTests {
    @Test("ids ending in an odd number are the odd half; the halves are the means of their queries")
    func halves() throws {
        #expect(EvaluationReport.isOdd("D01") && EvaluationReport.isOdd("Q7") && !EvaluationReport.isOdd("D10"))
        #expect(!EvaluationReport.isOdd("D") && !EvaluationReport.isOdd(""))
        let json = #"""
            {"queries": [
              {"id": "D01", "query": "a", "scenario": "topic", "judgments": [{"file": "f", "lines": [1, 1], "grade": 1}]},
              {"id": "D02", "query": "b", "scenario": "topic", "judgments": [{"file": "f", "lines": [5, 5], "grade": 1}]},
              {"id": "D03", "query": "c", "scenario": "topic", "judgments": [{"file": "f", "lines": [9, 9], "grade": 1}]}
            ]}
            """#
        let judgments = try JSONDecoder().decode(RelevanceJudgments.self, from: Data(json.utf8))
        // Every query finds line 1 first: only D01 is answered.
        let report = EvaluationReport.evaluate(judgments) { _ in [RankedSpan(file: "f", first: 1, last: 1)] }
        #expect(report.halves.odd.mrr == 0.5)
        #expect(report.halves.even.mrr == 0)
        #expect(report.table(perQuery: false, halves: true).contains("odd ids"))
        #expect(!report.table(perQuery: false).contains("odd ids"))
    }
}
