import Foundation
import NorwegianText
import Testing
@testable import CouncilDocuments

@Suite("Decision labels: adopted and proposed, clean and OCR-damaged")
struct DecisionLabelTests {
    @Test("adopted decisions are vedtak, with or without text after the label", arguments: [
        ("Vedtak", false), ("Vedtak:", false), ("Vedtak: *Rådet tar saken til orientering.*", true),
        ("Vedtak:  Intet.", true), ("Rådets vedtak", false), ("Radets vedtak:", false), ("Konklusjon", false),
        (" Vedtak", false), ("Vedtek: Rådet ber sekretariatet følge opp.", true),
    ])
    func adopted(text: String, hasText: Bool) throws {
        let label = try #require(DecisionLabel.parse(text))
        #expect(label.kind == .vedtak)
        #expect(label.hasTextAfter == hasText)
    }

    @Test("proposals are forslag, also as OCR prints them", arguments: [
        "Forslag til vedtak", "Forslag til vedtak Innkalling og saksliste godkjennes.", "Forsiag til vedtak",
        "FORSLAG TIL VEDTAK:", "Innstilling", "Sekretariatets forslag:",
    ])
    func proposed(text: String) throws {
        #expect(try #require(DecisionLabel.parse(text)).kind == .forslag)
    }

    @Test("words that only contain or discuss a label are not labels", arguments: [
        "Vedtakssak", "Type sak Vedtakssak", "Vedtak i saken ble utsatt.", "Konklusjonen er at rådet venter.",
        "Rådet vedtok å gå videre.", "Forslagene til vedtak kom sent.", "Sak 8/1/25 Vedtak", "",
    ])
    func notLabels(text: String) {
        #expect(DecisionLabel.parse(text) == nil)
    }

    @Test("one edit apart means what the bounded edit distance says, on every pair of short words from a small alphabet")
    func oneEditAgreesWithDistance() {
        // All words of up to four letters over a, b, c: every substitution, insertion, deletion and swap.
        var words: [[Unicode.Scalar]] = [[]]
        for _ in 0..<4 { words += words.filter { $0.count == words.last!.count }.flatMap { w in ["a", "b", "c"].map { w + [$0] } } }
        var distance = BoundedEditDistance()
        for a in words {
            for b in words {
                let expected = distance.distance(a.map(\.value), b.map(\.value), maximum: 1) != nil
                #expect(DecisionLabel.withinOneEdit(a, b) == expected, "\(a) \(b)")
            }
        }
    }

    @Test("the byte check on a line's first word decides as the character path does, on every corpus line and its variants")
    func byteCheckAgreesWithCharacters() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus")
        var lines: [String] = ["Vedtak", "vedtak:", "Vedtek", "Vedtakk", "Rådets vedtak", "Raadets vedtak", "ZZ"]
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        // What OCR and editors do to a line's opening: marks and spaces before it, a letter changed,
        // dropped or doubled, accents and combining marks, non-breaking spaces, digraphs.
        let openings = ["", "* ", "\t", "  ", "\u{00A0}", "\u{00A0}\u{0301}", "-", "| ", "1 ", "\u{0301}", "\r\n",
                        "• ", "•\u{0301}", "– ", "«", "\u{2028}", "\u{2003}"]
        var variants = Set<String>()
        for line in Set(lines) {
            for opening in openings { variants.insert(opening + line) }
            let letters = Array(line.prefix(12))
            for i in letters.indices {
                var dropped = letters
                dropped.remove(at: i)
                variants.insert(String(dropped) + line.dropFirst(12))
                for replacement in ["a", "e", "\u{00E5}", "\u{00F8}", "\u{00C6}", "\u{00D8}", "\u{00C5}", "&",
                                    "e\u{0301}", "\u{00F8}\u{0301}", "\u{00E9}", " ", "\u{00A0}", "–", "»", "”",
                                    "•\u{0301}"] {
                    var changed = letters
                    changed[i] = Character(replacement)
                    variants.insert(String(changed) + line.dropFirst(12))
                }
            }
        }
        var labels = 0
        for line in variants {
            let expected = DecisionLabel.parseCharacters(line)
            #expect(DecisionLabel.parse(line) == expected, "\(line.debugDescription)")
            if expected != nil { labels += 1 }
        }
        #expect(labels > 100, "the variants include labels, clean and damaged")
    }
}
