import Foundation
import SearchIndex

extension EvaluationReport {
    /// Scores a relevance set against an index, ranking each query the way `radsok search` does;
    /// `widening` as `search` (feedback), `search --recall` or `search --as-typed` use it.
    public static func evaluate(_ judgments: RelevanceJudgments, reader: IndexReader,
                                widening: SearchService.Widening = .feedback) -> EvaluationReport {
        var service = SearchService(reader: reader)
        service.widening = widening
        let env = ProcessInfo.processInfo.environment // XP
        if let x = env["XP_INHERIT"].flatMap(Float.init) { service.searcher.inheritedByDecisions = x } // XP
        if let x = env["XP_VIEW"].flatMap(Float.init) { service.searcher.councilViewWeights = [.vedtak: x, .referat: x] } // XP
        if let x = env["XP_FBW"].flatMap(Double.init) { service.feedback.originalQueryWeight = x } // XP
        if let x = env["XP_FBD"].flatMap(Int.init) { service.feedback.documents = x } // XP
        if let x = env["XP_FBT"].flatMap(Int.init) { service.feedback.terms = x } // XP
        if let x = env["XP_SYN"].flatMap(Double.init) { service.planner.synonymWeight = x } // XP
        if let x = env["XP_SYNN"].flatMap(Int.init) { service.planner.maximumSynonyms = x } // XP
        var texts = SectionTextSource(reader: reader)
        return evaluate(judgments) { text in
            let query = (try? service.plan(text, texts: &texts)) ?? service.planner.plan(text, reader: reader)
            return service.searcher.search(query, limit: 50).hits.map { hit in
                let record = reader.sectionRecord(hit.sectionID)
                return RankedSpan(file: reader.metadata.files[record.fileIndex].id,
                                  first: record.section.firstLine, last: record.section.lastLine)
            }
        }
    }
}
