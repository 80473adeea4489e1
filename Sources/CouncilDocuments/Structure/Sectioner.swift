import NorwegianText

/// Cuts a meeting package into sections: one per case occurrence (from its `Sak` header to the
/// next header or part heading), and paragraph groups of at most `maxChunkLines` for the text
/// between cases. No section is longer than `maxSectionLines`.
public struct Sectioner: Sendable {
    public var maxChunkLines = 60
    public var maxSectionLines = 150
    /// A case longer than this is cut into parts of about `caseChunkTargetLines` non-blank lines:
    /// a long case ("Orienteringer", an activity plan) is many topics, and a hit should point
    /// at the one that matched. The parts keep the case's id, kind and title.
    public var maxCaseLines = 40
    public var caseChunkTargetLines = 16
    /// A non-case chunk closes at a blank line once it has this many non-blank lines or bytes.
    public var chunkTargetLines = 10
    public var chunkTargetBytes = 1500

    public init() {}

    public func sections(of document: SourceDocument) -> [Section] {
        sections(text: document.text, documentID: document.id)
    }

    public func sections(text: String, documentID: String) -> [Section] {
        let lines = DocumentLines(text).lines
        guard !lines.isEmpty else { return [] }
        let spans = caseSpans(lines)
        let packageMeeting = Self.packageMeeting(documentID: documentID, lines: lines)
        let meetingDates = Self.meetingDates(spans)

        var sections: [Section] = []
        var cursor = 0
        var gapKind = SectionKind.other
        for (index, whole) in spans.enumerated() {
            sections += chunks(lines, cursor..<whole.lines.lowerBound).map { gapSection(lines, $0, kind: gapKind) }
            let kind = kind(of: whole, previous: index > 0 ? spans[index - 1] : nil,
                            next: index + 1 < spans.count ? spans[index + 1] : nil,
                            lines: lines, packageMeeting: packageMeeting)
            // A case presentation ends with its proposed decision; what follows is an attachment.
            var span = whole
            gapKind = .other
            if kind == .saksfremlegg, let end = Self.attachmentStart(lines, whole.lines) {
                span = CaseSpan(header: whole.header, lines: whole.lines.lowerBound..<end, context: whole.context, dateContext: whole.dateContext)
                gapKind = .vedlegg
            }
            // Trailing empty lines belong to no one.
            var end = span.lines.upperBound
            while end > span.lines.lowerBound + 1, lines[end - 1].text.isEmpty { end -= 1 }
            span = CaseSpan(header: span.header, lines: span.lines.lowerBound..<end, context: span.context, dateContext: span.dateContext)
            let id = span.header.caseID
            let title = span.header.title ?? Self.firstTextLine(lines, span.lines.dropFirst())
            let parts = span.lines.count > maxCaseLines ? chunks(lines, span.lines, targetLines: caseChunkTargetLines) : [span.lines]
            let references = kind == .saksliste ? [] : Self.references(lines, span.lines, excluding: id)
            for (partIndex, part) in parts.enumerated() {
                var section = Section(firstLine: lines[part.lowerBound].number, lastLine: lines[part.upperBound - 1].number,
                                      byteRange: lines[part.lowerBound].start..<lines[part.upperBound - 1].end,
                                      kind: kind, caseID: id, title: title, meeting: id.meeting,
                                      date: meetingDates[id.meeting])
                section.isContinuation = partIndex > 0
                section.references = partIndex == 0 ? references : []
                sections.append(section)
            }
            if kind != .saksliste, let decision = Self.decision(lines, span.lines, caseKind: kind) {
                let range = decision.lines
                sections.append(Section(firstLine: lines[range.lowerBound].number, lastLine: lines[range.upperBound - 1].number,
                                        byteRange: lines[range.lowerBound].start..<lines[range.upperBound - 1].end,
                                        kind: decision.kind, caseID: id, title: title, meeting: id.meeting,
                                        date: meetingDates[id.meeting]))
            }
            cursor = span.lines.upperBound
        }
        sections += chunks(lines, cursor..<lines.count).map { gapSection(lines, $0, kind: gapKind) }
        let documentYear = Self.documentYear(documentID)
        for i in sections.indices {
            let s = sections[i]
            sections[i].year = s.date.flatMap { Int($0.prefix(4)) } ?? s.caseID?.year ?? documentYear
        }
        return sections
    }

    // MARK: Decisions and references

    /// A case's adopted decision or proposal: its lines and which of the two it is. A proposal
    /// ("Forslag til vedtak") is a `forslag`, what the minutes record as decided a `vedtak`.
    ///
    /// Minutes made from a scanned layout print "Vedtak" as a margin label: right after the case
    /// header, before the case's title, or in the middle of a sentence broken by a page. Such a
    /// label says that the case has a decision, not where: the decision is the resolution at the
    /// end of the case, the last paragraph in which the council is the subject ("Rådet tar saken
    /// til orientering …"), or else the case's last paragraph.
    static func decision(_ lines: [DocumentLines.Line], _ span: Range<Int>,
                         caseKind: SectionKind) -> (lines: Range<Int>, kind: SectionKind)? {
        guard let start = decisionStart(lines, span), let label = lines[start].label else { return nil }
        if caseKind == .referat, label.kind == .vedtak, isDetached(lines, span, labelAt: start, label) {
            return resolution(lines, span).map { ($0, .vedtak) }
        }
        return decisionLines(lines, span).map { ($0, label.kind) }
    }

    /// A label alone on its line that cannot introduce the text after it: it stands before the
    /// case's body, or what follows is the case's title or the rest of a broken sentence.
    static func isDetached(_ lines: [DocumentLines.Line], _ span: Range<Int>, labelAt start: Int, _ label: DecisionLabel) -> Bool {
        guard !label.hasTextAfter else { return false }
        let before = (span.lowerBound + 1..<start).filter { !lines[$0].isBlank }.count
        guard let next = (start + 1..<span.upperBound).first(where: { !lines[$0].isBlank }) else { return true }
        if before == 0 { return true }
        if let first = lines[next].text.first(where: { !$0.isWhitespace }), first.isLowercase { return true }
        let nextIsOneLine = next + 1 >= span.upperBound || lines[next + 1].isBlank
        return nextIsOneLine && isHeadingLike(lines, next) && (min(next + 2, span.upperBound)..<span.upperBound).contains { !lines[$0].isBlank }
    }

    /// The resolution that closes a case in the minutes: among its last paragraphs, the last one
    /// that opens with the council ("Rådet", also as OCR prints it: "Radet", "Réadet"); else the
    /// last paragraph. Page headers and footers are not paragraphs.
    static func resolution(_ lines: [DocumentLines.Line], _ span: Range<Int>) -> Range<Int>? {
        var paragraphs: [Range<Int>] = []
        var i = span.lowerBound + 1
        while i < span.upperBound {
            guard !lines[i].isBlank else { i += 1; continue }
            let start = i
            while i < span.upperBound, !lines[i].isBlank { i += 1 }
            let isFurniture = i - start == 1 && (looksLikeFooter(lines[start].text) || lines[start].isLabelOnly
                || isHeadingLike(lines, start, requireBlankBefore: false) && !lines[start].text.contains(" "))
            if !isFurniture { paragraphs.append(start..<i) }
        }
        guard let last = paragraphs.last else { return nil }
        return paragraphs.suffix(3).last { opensWithTheCouncil(lines[$0.lowerBound].text) } ?? last
    }

    /// "Rådet …": the council as the subject, tolerating two OCR errors in the word.
    static func opensWithTheCouncil(_ text: String) -> Bool {
        guard let word = text.split(whereSeparator: { $0.isWhitespace }).first, (4...7).contains(word.count) else { return false }
        var distance = BoundedEditDistance()
        let folded = NorwegianFolding.foldKey(word.lowercased())
        return distance.distance(Array("radet".unicodeScalars.map(\.value)), Array(folded.unicodeScalars.map(\.value)), maximum: 2) != nil
            && folded.first == "r"
    }

    /// The decision of a case: from its "Vedtak"/"Forslag til vedtak" line to the end of the case,
    /// at most `maxDecisionLines`; the last such line when there are several.
    static let maxDecisionLines = 20

    /// The decision: its keyword line and the paragraph it introduces ("Forslag til vedtak" then,
    /// maybe after a blank line, the proposal; "Vedtak: Rådet …" on one line).
    static func decisionLines(_ lines: [DocumentLines.Line], _ span: Range<Int>) -> Range<Int>? {
        guard let start = decisionStart(lines, span) else { return nil }
        var i = start + 1
        let limit = min(span.upperBound, start + maxDecisionLines)
        let keywordOnly = !(lines[start].label?.hasTextAfter ?? false)
        if keywordOnly { while i < limit, lines[i].isBlank { i += 1 } }
        let paragraph = i
        while i < limit, !lines[i].isBlank { i += 1 }
        // A page footer ("HO21 møte 2/2025") printed between the keyword and the proposal: the
        // proposal is the next paragraph.
        if keywordOnly, i == paragraph + 1, Self.looksLikeFooter(lines[paragraph].text) {
            var next = i
            while next < limit, lines[next].isBlank { next += 1 }
            if next < limit, next - i <= 3 {
                i = next
                while i < limit, !lines[i].isBlank { i += 1 }
            }
        }
        guard !keywordOnly || (start + 1..<i).contains(where: { !lines[$0].isBlank }) else { return nil }
        return start..<i
    }

    /// A short line with a number and no sentence in it: a running header or footer.
    static func looksLikeFooter(_ text: String) -> Bool {
        let folded = FoldedLine(text)
        return folded.characters <= 30 && folded.hasDigit && !text.contains(".")
    }

    static func decisionStart(_ lines: [DocumentLines.Line], _ span: Range<Int>) -> Int? {
        span.dropFirst().last(where: { i in
            "vfiskr".utf8.contains(lines[i].lead) && lines[i].label != nil
        })
    }

    /// Where an attachment starts after a case presentation's decision: the first line after the
    /// decision paragraph that opens a block of text (three lines within six, or a long line).
    /// Page footers and blank lines stay with the case.
    static func attachmentStart(_ lines: [DocumentLines.Line], _ span: Range<Int>) -> Int? {
        guard let decision = decisionLines(lines, span) else { return nil }
        var i = decision.upperBound
        var blanks = 0
        while i < span.upperBound {
            if lines[i].isBlank {
                blanks += lines[i].isPageBreak ? 2 : 1
            } else {
                let window = i..<min(span.upperBound, i + 6)
                // A block of text, or anything after a gap of blank lines (a page break).
                if !lines[i].isShort || window.filter({ !lines[$0].isBlank }).count >= 3 || blanks >= 2 { return i }
                blanks = 0
            }
            i += 1
        }
        return nil
    }

    /// The cases a span cites, in order of first mention; `own` (the span's own case) left out.
    static func references(_ lines: [DocumentLines.Line], _ span: Range<Int>, excluding own: CaseID?) -> [CaseID] {
        var seen: Set<CaseID> = own.map { [$0] } ?? []
        var result: [CaseID] = []
        for i in span where lines[i].hasSlash {
            for id in CaseReferences.find(in: lines[i].text) where seen.insert(id).inserted { result.append(id) }
        }
        return result
    }

    /// A four-digit year in a document's name (`ho21-årsrapport-2025.txt`, `møte-2023-1`).
    static func documentYear(_ documentID: String) -> Int? {
        documentID.split(whereSeparator: { !$0.isNumber }).lazy.compactMap { Int($0) }.first { (1990...2100).contains($0) }
    }

    // MARK: Case spans

    struct CaseSpan {
        let header: CaseHeader
        let lines: Range<Int>
        /// The last part marker before the header.
        let context: PartMarker?
        /// The date of the meeting header the case stands under, if any.
        let dateContext: String?
    }

    func caseSpans(_ lines: [DocumentLines.Line]) -> [CaseSpan] {
        var spans: [CaseSpan] = []
        var open: (header: CaseHeader, start: Int, context: PartMarker?, date: String?)?
        var context: PartMarker?
        var date: String?
        var dateWanted = 0
        // A meeting header's date is the date of the meeting whose cases follow it first.
        var dateOwner: String?
        func close(at end: Int) {
            if let o = open { spans.append(CaseSpan(header: o.header, lines: o.start..<end, context: o.context, dateContext: o.date)) }
            open = nil
        }
        for (i, line) in lines.enumerated() {
            if line.lead == UInt8(ascii: "s") || line.lead == 0, let header = CaseHeader.parse(line.text) {
                close(at: i)
                if date != nil, dateOwner == nil { dateOwner = header.caseID.meeting }
                open = (header, i, context, dateOwner == header.caseID.meeting ? date : nil)
                continue
            }
            if dateWanted > 0, !line.isBlank {
                dateWanted -= 1
                if let found = NorwegianDate.find(in: line.text) { date = found; dateWanted = 0 }
            }
            guard let marker = PartMarker.classify(line) else { continue }
            if marker.endsCase { close(at: i) }
            if marker == .meetingHeader {
                date = NorwegianDate.find(in: line.text)
                dateOwner = nil
                dateWanted = date == nil ? 3 : 0
                context = .referat
            } else {
                context = marker == .attendance ? .referat : marker
            }
        }
        close(at: lines.count)
        return Self.repairMisprintedIDs(spans)
    }

    /// Case numbers run consecutively within a meeting, so a header that breaks the run in a way
    /// no meeting sequence can ("Sak 48/6/21" between 47/6/22 and 49/6/22, "Sak 55/54/23" after
    /// 54/5/23) is a misprint: it takes the meeting of the case before it. A step to the next
    /// meeting of the same year is a real change and is left alone.
    static func repairMisprintedIDs(_ spans: [CaseSpan]) -> [CaseSpan] {
        var spans = spans
        for i in spans.indices.dropFirst() {
            let previous = spans[i - 1].header.caseID
            let current = spans[i].header.caseID
            guard current.number == previous.number + 1, current.meeting != previous.meeting else { continue }
            let nextMeeting = current.year == previous.year && current.meetingNumber == previous.meetingNumber + 1
            let newYear = current.year == previous.year + 1 && current.number == 1
            if nextMeeting || newYear { continue }
            if i + 1 < spans.count {
                let next = spans[i + 1].header.caseID
                if next.meeting == current.meeting { continue }
            }
            let repaired = CaseID(number: current.number, meetingNumber: previous.meetingNumber, year: previous.year)
            let s = spans[i]
            spans[i] = CaseSpan(header: CaseHeader(caseID: repaired, title: s.header.title), lines: s.lines,
                                context: s.context, dateContext: s.dateContext)
        }
        return spans
    }

    func kind(of span: CaseSpan, previous: CaseSpan?, next: CaseSpan?, lines: [DocumentLines.Line], packageMeeting: String?) -> SectionKind {
        if isAgendaLine(span, lines) && (span.context == .saksliste
            || previous.map { isAgendaLine($0, lines) && $0.lines.upperBound >= span.lines.lowerBound - 2 } == true
            || next.map { isAgendaLine($0, lines) && span.lines.upperBound >= $0.lines.lowerBound - 2 } == true) {
            return .saksliste
        }
        let body = span.lines.dropFirst().filter { lines[$0].isShort && "fshtv".utf8.contains(lines[$0].lead) }
            .map { FoldedLine(lines[$0].text) }
        let presentationFields = ["saksbehandler", "hvorfor saken", "type sak", "tidligere behandlet"]
        let labels = span.lines.dropFirst().compactMap { lines[$0].label?.kind }
        if labels.contains(.forslag) || body.contains(where: { line in presentationFields.contains { line.starts(with: $0) } }) {
            return .saksfremlegg
        }
        if labels.contains(.vedtak) { return .referat }
        if span.context == .referat { return .referat }
        if span.context == .saksfremlegg { return .saksfremlegg }
        if let packageMeeting, span.header.caseID.meeting != packageMeeting { return .referat }
        return .saksfremlegg
    }

    /// An agenda line: the title on the header line and nothing under it.
    func isAgendaLine(_ span: CaseSpan, _ lines: [DocumentLines.Line]) -> Bool {
        span.header.title != nil && span.lines.dropFirst().allSatisfy { lines[$0].isBlank || PartMarker.classify(lines[$0]) != nil }
    }

    // MARK: Text between cases

    /// Splits a line range into paragraph groups; blank-only chunks are dropped.
    func chunks(_ lines: [DocumentLines.Line], _ range: Range<Int>, targetLines: Int? = nil) -> [Range<Int>] {
        let chunkTargetLines = targetLines ?? self.chunkTargetLines
        let chunkTargetBytes = targetLines.map { $0 * 150 } ?? self.chunkTargetBytes
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var nonBlank = 0
        var bytes = 0
        func emit(_ end: Int) {
            if end > start, (start..<end).contains(where: { !lines[$0].isBlank }) { result.append(start..<end) }
            start = end
            nonBlank = 0
            bytes = 0
        }
        for i in range {
            let line = lines[i]
            if i > start, nonBlank >= 3, Self.isHeadingLike(lines, i) { emit(i) }
            if line.isBlank {
                if nonBlank >= chunkTargetLines || bytes >= chunkTargetBytes { emit(i + 1) }
            } else {
                nonBlank += 1
                bytes += line.end - line.start
            }
            if i + 1 - start >= maxChunkLines { emit(i + 1) }
        }
        emit(range.upperBound)
        return result
    }

    func gapSection(_ lines: [DocumentLines.Line], _ range: Range<Int>, kind: SectionKind = .other) -> Section {
        let first = range.first(where: { !lines[$0].isBlank }) ?? range.lowerBound
        let title = Self.isHeadingLike(lines, first, requireBlankBefore: false) ? lines[first].text.trimmed(.decoration) : nil
        var section = Section(firstLine: lines[range.lowerBound].number, lastLine: lines[range.upperBound - 1].number,
                              byteRange: lines[range.lowerBound].start..<lines[range.upperBound - 1].end,
                              kind: kind, title: title)
        // An attachment or report that lists cases ("sak 8/1/22, 21/2/22") ties itself to them.
        section.references = Self.references(lines, range, excluding: nil)
        return section
    }

    /// A short line after a blank one, not ending like a sentence: a heading.
    static func isHeadingLike(_ lines: [DocumentLines.Line], _ i: Int, requireBlankBefore: Bool = true) -> Bool {
        let text = lines[i].text.trimmed(.whitespaces)
        guard !text.isEmpty, text.count <= 70, let first = text.first, first.isUppercase || first.isNumber,
              let last = text.last, !".,;:".contains(last) else { return false }
        return !requireBlankBefore || i == 0 || lines[i - 1].isBlank
    }

    /// The first line of text under a header without a title, labels ("Vedtak") passed over: a
    /// case is never titled by a label.
    static func firstTextLine(_ lines: [DocumentLines.Line], _ range: Range<Int>.SubSequence) -> String? {
        for i in range.prefix(6) where !lines[i].isBlank && !lines[i].isLabelOnly {
            let text = lines[i].text.trimmed(.decoration)
            return text.isEmpty ? nil : String(text.prefix(120))
        }
        return nil
    }

    // MARK: Meetings and dates

    /// The meeting a package is for, from its name (`…møte-2023-1…`).
    static func packageMeeting(documentID: String, lines: [DocumentLines.Line]) -> String? {
        let words = documentID.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for (i, word) in words.enumerated() where (word == "møte" || word == "mote") && i + 2 < words.count {
            if let year = Int(words[i + 1]), year > 1990, let number = Int(words[i + 2]) { return "\(number)/\(year)" }
        }
        return nil
    }

    /// The date of each meeting: the first meeting header ("Dato …") under which one of its cases
    /// stands, when the years agree (a package's agenda for 1/2023 does not take the date of the
    /// minutes of 6/2022 printed after it).
    static func meetingDates(_ spans: [CaseSpan]) -> [String: String] {
        var dates: [String: String] = [:]
        for span in spans {
            guard let date = span.dateContext, dates[span.header.caseID.meeting] == nil,
                  date.hasPrefix(String(span.header.caseID.year)) else { continue }
            dates[span.header.caseID.meeting] = date
        }
        return dates
    }
}
