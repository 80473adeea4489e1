import SearchIndex

extension EvaluationReport {
    /// Scores a relevance set against an index, ranking each query the way `radsok search` does.
    public static func evaluate(_ judgments: RelevanceJudgments, reader: IndexReader) -> EvaluationReport {
        let planner = QueryPlanner()
        let searcher = Searcher(reader: reader)
        return evaluate(judgments) { text in
            searcher.search(planner.plan(text, reader: reader), limit: 50).hits.map { hit in
                let record = reader.sectionRecord(hit.sectionID)
                return RankedSpan(file: reader.metadata.files[record.fileIndex].id,
                                  first: record.section.firstLine, last: record.section.lastLine)
            }
        }
    }
}
