/// A section shown with the sections that stand before and after it in its file: a hit outside
/// cases (an attachment, an annual report) read where it stands, as a case is read across its parts.
public struct SectionInContext: Encodable, Sendable {
    public internal(set) var section: ShownSection
    public internal(set) var before: [ShownSection]
    public internal(set) var after: [ShownSection]

    enum CodingKeys: String, CodingKey { case before, after }

    /// The section's own fields (as `/api/sections/ID` gives them), then `before` and `after`.
    public func encode(to encoder: any Encoder) throws {
        try section.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
    }
}

extension SearchService {
    /// `section` with up to `count` sections of its file on either side, in file order. Only
    /// sections that lie in no other count as neighbours: a decision inside its case is part of it.
    public func context(of section: ShownSection, count: Int, texts: inout SectionTextSource) throws(IndexError) -> SectionInContext {
        let file = section.record.fileIndex
        let records = reader.sections(ofFile: file).map(reader.sectionRecord)
        let outer = records.filter { inner in !records.contains { Self.contains($0, inner) && !Self.same($0, inner) } }
            .sorted { $0.section.firstLine < $1.section.firstLine }
        let target = section.record.section
        let before = outer.filter { $0.section.lastLine < target.firstLine }.suffix(count)
        let after = outer.filter { $0.section.firstLine > target.lastLine }.prefix(count)
        func shown(_ record: SectionRecord) throws(IndexError) -> ShownSection {
            try ShownSection(record: record, texts: &texts)
        }
        var answer = SectionInContext(section: section, before: [], after: [])
        for record in before { answer.before.append(try shown(record)) }
        for record in after { answer.after.append(try shown(record)) }
        return answer
    }

    /// Marks the typed words of `text` in the section and its neighbours (`markMatches`).
    public func markMatches(of text: String, in shown: inout SectionInContext, deadline: Deadline = .never) throws {
        var all = [shown.section] + shown.before + shown.after
        try markMatches(of: text, in: &all, deadline: deadline)
        shown.section = all[0]
        shown.before = Array(all[1..<(1 + shown.before.count)])
        shown.after = Array(all[(1 + shown.before.count)...])
    }

    static func same(_ a: SectionRecord, _ b: SectionRecord) -> Bool {
        a.fileIndex == b.fileIndex && a.section.firstLine == b.section.firstLine && a.section.lastLine == b.section.lastLine
    }
}
