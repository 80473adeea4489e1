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
}
