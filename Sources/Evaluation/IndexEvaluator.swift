import Foundation
import SearchIndex

extension EvaluationReport {
    /// Scores a relevance set against an index, ranking each query the way `radsok search` does.
    public static func evaluate(_ judgments: RelevanceJudgments, reader: IndexReader) -> EvaluationReport {
        let planner = QueryPlanner()
        var searcher = Searcher(reader: reader)
        if let x = ProcessInfo.processInfo.environment["XP_INHERIT"].flatMap(Float.init) { searcher.inheritedByDecisions = x } // XP
        if let x = ProcessInfo.processInfo.environment["XP_VIEW"].flatMap(Float.init) { searcher.councilViewWeights = [.vedtak: x, .referat: x] } // XP
        if let x = ProcessInfo.processInfo.environment["XP_VIEWV"].flatMap(Float.init) { searcher.councilViewWeights[.vedtak] = x } // XP
        return evaluate(judgments) { text in
            searcher.search(planner.plan(text, reader: reader), limit: 50).hits.map { hit in
                let record = reader.sectionRecord(hit.sectionID)
                return RankedSpan(file: reader.metadata.files[record.fileIndex].id,
                                  first: record.section.firstLine, last: record.section.lastLine)
            }
        }
    }
}
