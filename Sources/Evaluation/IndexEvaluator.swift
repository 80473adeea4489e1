import SearchIndex

extension EvaluationReport {
    /// Scores a relevance set against an index, ranking each query the way `radsok search` does;
    /// `widening` as `search` (feedback), `search --recall` or `search --as-typed` use it.
    public static func evaluate(_ judgments: RelevanceJudgments, reader: IndexReader,
                                widening: SearchService.Widening = .feedback) -> EvaluationReport {
        var service = SearchService(reader: reader)
        service.widening = widening
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
