import CouncilDocuments

/// Dates the meetings that their own packages leave undated, from what the rest of the corpus
/// says: another package's date for the meeting (the first in index order), else a mention
/// ("21.5.2025 (møte 2/2025)").
///
/// Learned in one walk over the sections (`observe`), applied in later ones (`fill`), so the
/// build never holds the corpus's sections to rewrite them.
struct MeetingDating {
    private var known: [String: String] = [:]
    /// The files with sections of a meeting that give no date.
    private var undated: [String: Set<Int>] = [:]

    /// Takes note of a file's sections, given in index order.
    mutating func observe(_ sections: PackedSections) {
        for i in sections.indices {
            guard let meeting = sections.caseID(at: i)?.meeting else { continue }
            if let date = sections.date(at: i) {
                if known[meeting] == nil { known[meeting] = date }
            } else {
                undated[meeting, default: []].insert(sections.fileIndex(at: i))
            }
        }
    }

    /// Each undated meeting's date, from the sections observed or else from `mentions`, and the
    /// meetings so dated with the files they were dated in, sorted.
    func dates(mentions: [(meeting: String, date: String)]) -> (dates: [String: String], filled: [CorpusDate]) {
        var dates = known
        for mention in mentions where dates[mention.meeting] == nil { dates[mention.meeting] = mention.date }
        var filled: [CorpusDate] = []
        var used: [String: String] = [:]
        for (meeting, files) in undated {
            guard let date = dates[meeting] else { continue }
            used[meeting] = date
            filled += files.map { CorpusDate(meeting: meeting, file: $0) }
        }
        return (used, filled.sorted())
    }

    /// Dates the sections that give no date of a meeting in `dates`, and sets their year from it.
    static func fill(_ sections: inout PackedSections, from dates: [String: String]) {
        for i in sections.indices {
            guard sections.date(at: i) == nil, let meeting = sections.caseID(at: i)?.meeting,
                  let date = dates[meeting] else { continue }
            sections.setDate(date, year: Int(date.prefix(4)), at: i)
        }
    }
}
