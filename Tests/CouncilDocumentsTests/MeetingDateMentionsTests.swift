import Foundation
import Testing
@testable import CouncilDocuments

@Suite("Meeting dates named anywhere in the corpus")
struct MeetingDateMentionsTests {
    @Test("a line that names a meeting and a date of its year dates it", arguments: [
        ("• 21.5.2025 (møte 2/2025)", "2/2025", "2025-05-21"),
        ("Referat fra møte 3/2023, 12. juni 2023", "3/2023", "2023-06-12"),
        ("mote 1/25 ble holdt 24.02.2025", "1/2025", "2025-02-24"),
    ])
    func mentions(line: String, meeting: String, date: String) {
        let found = MeetingDateMentions.find(in: line)
        #expect(found.map(\.meeting) == [meeting])
        #expect(found.map(\.date) == [date])
    }

    @Test("a date of another year, or a case id without 'møte', dates nothing", arguments: [
        "møte 2/2025 viste til vedtaket fra 12. juni 2023", "Sak 8/1/2025 ble behandlet 24.2.2025", "møte 2/2025",
    ])
    func noMention(line: String) {
        #expect(MeetingDateMentions.find(in: line).isEmpty)
    }

    @Test("the byte scan passes every line whose words name a meeting, in any case and spelling", arguments: [
        "MØTE 2/2025", "Møte 2/25", "(mote 1/2025)", "MOETE 3/2024", "møtet 4/2023 ble holdt", "referat, Møte 1/2025;",
    ])
    func scanPassesMeetings(line: String) {
        #expect(!MeetingDateMentions.meetings(in: Substring(line)).isEmpty)
        #expect(MeetingDateMentions.mayNameMeeting(Substring(line)))
    }

    @Test("the byte scan turns away lines that name no meeting", arguments: [
        "Sak 8/1/2025 ble behandlet 24.2.2025", "side 3/12", "m/ø t/e",
    ])
    func scanTurnsAwayOthers(line: String) {
        #expect(!MeetingDateMentions.mayNameMeeting(Substring(line)))
    }

    @Test("a whole text is read by its lines as the sections read them: every corpus file, and CRLF texts")
    func linesAsDocumentLines() throws {
        func byDocumentLines(_ text: String) -> [String] {
            DocumentLines(text).lines.filter { $0.hasSlash && MeetingDateMentions.mayNameMeeting(Substring($0.text)) }
                .map(\.text)
        }
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus")
        var texts = ["", "\n", "møte 1/2025 3. mars 2025\r\nmøte 2/2025 4. mai 2025\n\nmote 3/2025",
                     "\nMøte 4/2024\u{0301}\n/møte", "møte 1/2025 24.02.2025\r"]
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        for name in names where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
        for text in texts {
            let lines = MeetingDateMentions.candidateLines(text).map(String.init)
            #expect(lines == byDocumentLines(text), "\(text.prefix(40))")
        }
    }

    @Test("in a text with CRLF line breaks, each meeting is dated by its own line")
    func crlfLines() {
        let found = MeetingDateMentions.find(in: "møte 1/2025 3. mars 2025\r\nmøte 2/2025 4. mai 2025\r\n")
        #expect(found.map(\.meeting) == ["1/2025", "2/2025"])
        #expect(found.map(\.date) == ["2025-03-03", "2025-05-04"])
    }
}
