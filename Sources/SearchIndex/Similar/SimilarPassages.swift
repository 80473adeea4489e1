import Foundation
import CouncilDocuments
import NorwegianText

/// Earlier wording close to a draft: passages of whole sentences, with exact text, where they came from and a
/// citation ready to paste.
public struct SimilarResponse: Encodable, Sendable {
    public let tookMs: Double
    public let passages: [SimilarPassage]
    /// Files left out because they changed or went after the index was built; absent when none.
    public var note: String? = nil
}

public struct SimilarPassage: Encodable, Sendable {
    /// One place a passage stands (boilerplate stands in many).
    public struct Occurrence: Encodable, Sendable {
        public let file: String
        public let lines: [Int]
        public let caseID: String?
        public let meeting: String?
        public let date: String?
        public let citation: String
        /// The PDF pages of the passage, as in `SearchHit`.
        public var pages: ClosedRange<Int>? = nil

        enum CodingKeys: String, CodingKey { case file, lines, page, pages, caseID = "case", meeting, date, citation }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(lines, forKey: .lines)
            try c.encodePages(pages, page: .page, pages: .pages)
            try c.encode(caseID, forKey: .caseID)
            try c.encode(meeting, forKey: .meeting)
            try c.encode(date, forKey: .date)
            try c.encode(citation, forKey: .citation)
        }
    }

    /// The best place, first of `occurrences`.
    public var place: Occurrence { occurrences[0] }
    public let kind: String
    public let title: String?
    /// Similarity to the draft, 0–1.
    public let score: Double
    /// Whole sentences, ready to paste: wrapped lines joined, bullets and emphasis gone.
    public let text: String
    /// Exactly as written in the corpus file, from the first sentence's start to the last one's end.
    public let textAsWritten: String
    /// For an OCR-damaged source, `text` with the words the index repaired written repaired
    /// (machine-repaired: to be checked against the source); nil when nothing was repaired.
    public let textRepaired: String?
    /// Every place where (nearly) the same passage stands, best first.
    public let occurrences: [Occurrence]

    enum CodingKeys: String, CodingKey {
        case file, lines, page, pages, caseID = "case", kind, title, meeting, date, score, text, textAsWritten, textRepaired
        case citation, occurrences
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(place.file, forKey: .file)
        try c.encode(place.lines, forKey: .lines)
        try c.encodePages(place.pages, page: .page, pages: .pages)
        try c.encode(place.caseID, forKey: .caseID)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(place.meeting, forKey: .meeting)
        try c.encode(place.date, forKey: .date)
        try c.encode(score, forKey: .score)
        try c.encode(text, forKey: .text)
        try c.encode(textAsWritten, forKey: .textAsWritten)
        try c.encode(textRepaired, forKey: .textRepaired)
        try c.encode(place.citation, forKey: .citation)
        try c.encode(occurrences, forKey: .occurrences)
    }
}

/// Finds prior wording in two steps: the sections that share the most of the draft's rare words
/// (the index's BM25 ranking), then the passages of those sections — runs of whole sentences —
/// scored by how alike their wording is to the draft. Passages that are the same text (the
/// habilitet paragraph of every package) are one result with all their places.
public struct SimilarPassages: Sendable {
    public let reader: IndexReader
    public var analyzer: Analyzer = .norwegian
    /// Who the citation names.
    public var council = Citation.defaultCouncil
    /// Sections whose passages are compared with the draft.
    public var candidateSections = 60
    /// The draft's rarest terms that select the candidates.
    public var maximumQueryTerms = 48
    /// Three-gram Jaccard above which two passages are one text.
    public var samenessThreshold = 0.6
    var cutter = PassageCutter()

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// A passage of a candidate section with how alike it is to the draft.
    private struct Candidate {
        let passage: Passage
        let section: Int
        let profile: TextProfile
        let score: Double
    }

    /// - Parameter deadline: the request's time limit, checked per candidate section and passage.
    public func similar(to draft: String, limit: Int = 5, texts: inout SectionTextSource,
                        deadline: Deadline = .never) throws -> SimilarResponse {
        let started = DispatchTime.now()
        let bm25 = BM25()
        let n = reader.sectionCount
        func idf(_ term: String) -> Double {
            let frequency = reader.termID(term).map { reader.postingsInfo($0).documentFrequency } ?? 0
            return bm25.idf(documentFrequency: frequency, sectionCount: n)
        }
        try deadline.check()
        let draftTerms = primaryTerms(draft)
        let draftProfile = TextProfile(terms: draftTerms, idf: idf)
        let candidates = candidateSectionIDs(draftTerms, idf: idf)
        try reader.checkIntact()
        let quotable = QuotableText(isKnownWord: isKnownWord)

        var seen: Set<[Int]> = []
        var unreadable: Set<String> = []
        var scored: [Candidate] = []
        for section in candidates {
            try deadline.check()
            let record = reader.sectionRecord(section)
            guard let text = try? texts.text(of: record) else {
                unreadable.insert(texts.fileID(record.fileIndex))
                continue
            }
            let damaged = reader.metadata.files[record.fileIndex].damaged
            for passage in cutter.passages(of: text, firstLine: record.section.firstLine, fileIndex: record.fileIndex)
            where seen.insert([passage.fileIndex, passage.lines.lowerBound]).inserted {
                try deadline.check()
                let profile = TextProfile(terms: primaryTerms(String(passage.asWritten), damaged: damaged), idf: idf)
                let score = 0.6 * draftProfile.cosine(profile) + 0.4 * draftProfile.phrasing(profile)
                if score > 0 { scored.append(Candidate(passage: passage, section: section, profile: profile, score: score)) }
            }
        }
        scored.sort {
            $0.score != $1.score ? $0.score > $1.score
                : ($0.passage.fileIndex, $0.passage.lines.lowerBound) < ($1.passage.fileIndex, $1.passage.lines.lowerBound)
        }

        var groups: [(leader: Int, members: [Int])] = []
        for (i, entry) in scored.enumerated() {
            if let g = groups.firstIndex(where: { scored[$0.leader].profile.sameness(entry.profile) >= samenessThreshold }) {
                groups[g].members.append(i)
            } else if groups.count < limit {
                groups.append((i, [i]))
            }
        }
        var documents: [Int: Citation.Document] = [:]
        var passages: [SimilarPassage] = []
        for group in groups {
            let leader = scored[group.leader]
            let record = reader.sectionRecord(leader.section)
            // Only the passages shown are made clean: the text to paste is for reading, not scoring.
            let text = quotable.clean(leader.passage.asWritten)
            let repaired = reader.metadata.files[record.fileIndex].damaged ? repairedSpelling(of: text) : nil
            let places = group.members.map { occurrence(scored[$0], texts: &texts, documents: &documents) }
            passages.append(SimilarPassage(kind: record.section.kind.rawValue, title: record.section.title,
                                  score: (leader.score * 1000).rounded() / 1000, text: text,
                                  textAsWritten: String(leader.passage.asWritten), textRepaired: repaired, occurrences: places))
        }
        var response = SimilarResponse(tookMs: SearchService.milliseconds(since: started), passages: passages)
        if !unreadable.isEmpty {
            response.note = "left out \(unreadable.sorted().joined(separator: ", ")): changed or gone since the index was built; "
                + "rebuild the index with 'radsok index'"
        }
        return response
    }

    /// One term per word position: the written word's, or in a damaged document its repair,
    /// so that a damaged copy of a passage is recognized as the same text.
    private func primaryTerms(_ text: String, damaged: Bool = false) -> [String] {
        var terms: [String] = []
        var last: Int32 = -1
        var repaired: [String: String] = [:]
        for token in analyzer.analyze(text) where token.position != last {
            last = token.position
            guard damaged else { terms.append(token.text); continue }
            if let known = repaired[token.text] { terms.append(known); continue }
            let reading = reader.repairs(of: token.text).first.map(reader.term) ?? token.text
            repaired[token.text] = reading
            terms.append(reading)
        }
        return terms
    }

    /// Whether a word is real, for joining a word hyphenated at a line end: the index has its
    /// term, or the bokmål word list (when installed) has it.
    private func isKnownWord(_ word: String) -> Bool {
        if analyzer.analyze(word).first.map({ reader.termID($0.text) != nil }) ?? false { return true }
        return SystemWords.contains(word)
    }

    /// `text` with each word the index repaired in damaged documents written repaired.
    private func repairedSpelling(of text: String) -> String? {
        analyzer.respelled(text) { reader.spellingRepair(of: $0) }
    }

    private func candidateSectionIDs(_ terms: [String], idf: (String) -> Double) -> [Int] {
        var ids: [(term: String, id: Int, idf: Double)] = []
        for term in Set(terms) {
            guard let id = reader.termID(term) else { continue }
            ids.append((term, id, idf(term)))
        }
        ids.sort { $0.idf != $1.idf ? $0.idf > $1.idf : $0.term < $1.term }
        let clauses = ids.prefix(maximumQueryTerms).map {
            QueryClause.word(QueryWord(written: $0.term, terms: [WeightedTerm(term: $0.term, termID: $0.id, weight: 1, reason: .exact)]))
        }
        guard !clauses.isEmpty else { return [] }
        return Searcher(reader: reader).search(Query(text: "", clauses: clauses), limit: candidateSections).hits.map(\.sectionID)
    }

    private func occurrence(_ candidate: Candidate, texts: inout SectionTextSource,
                            documents: inout [Int: Citation.Document]) -> SimilarPassage.Occurrence {
        let s = reader.sectionRecord(candidate.section).section
        let fileIndex = candidate.passage.fileIndex
        let file = texts.fileID(fileIndex)
        let lines = candidate.passage.lines
        if documents[fileIndex] == nil {
            documents[fileIndex] = Citation.Document(reader: reader, fileIndex: fileIndex, file: file)
        }
        let pages = texts.pages(ofLines: lines, inFile: fileIndex)
        let citation = Citation(council: council).text(section: s, in: documents[fileIndex]!, lines: lines, pages: pages)
        return .init(file: file, lines: [lines.lowerBound, lines.upperBound], caseID: s.caseID?.description, meeting: s.meeting,
                     date: s.date, citation: citation, pages: pages)
    }
}
