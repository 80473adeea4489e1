import Testing
@testable import NorwegianText

@Suite("OCR repair of æøå damage")
struct OCRRepairTests {
    /// A small lexicon as a clean council text would give it.
    static let lexicon: Lexicon = {
        var lexicon = Lexicon()
        lexicon.addText("""
            Rådet tar saken til orientering. Møtet ble holdt på Forskningsrådet. Rådet ønsker å følge opp \
            møtet før neste møte, for rådet har mange saker. Høringssvar om bærekraft og helsenæring. \
            Rådet mener at møtet var nyttig for rådet og for møtet.
            """)
        lexicon.finish()
        return lexicon
    }()

    let repairer = WordRepairer(lexicon: OCRRepairTests.lexicon)

    @Test("the confusion model proposes the originals of each kind of damage", arguments: [
        ("mgte", "møte"), ("radet", "rådet"), ("p" + String(OCRGlyphs.ampersand), "på"), ("veere", "være"),
        ("baerekraft", "bærekraft"), (String(OCRGlyphs.at) + "nsker", "ønsker"), ("mgate", "møte"), ("0g", "og"),
    ])
    func candidates(damaged: String, original: String) {
        #expect(ConfusionModel.norwegianOCR.candidates(damaged)[original] != nil)
    }

    @Test("in a damaged document, damaged words become the common word they stand for", arguments: [
        ("mgtet", "møtet"), ("radet", "rådet"), ("matet", "møtet"), ("pa", "på"), ("fglge", "følge"), ("horingssvar", "høringssvar"),
    ])
    func repairs(damaged: String, original: String) {
        #expect(repairer.repair(damaged, damaged: true) == original)
    }

    @Test("a common word stays itself even where a damaged reading exists (for/før, har/hår)")
    func keepsCommonWords() {
        #expect(repairer.repair("for", damaged: true) == nil)
        #expect(repairer.repair("har", damaged: true) == nil)
        #expect(repairer.repair("rådet", damaged: true) == nil)
    }

    @Test("in a clean document only unknown words are repaired")
    func cleanDocuments() {
        #expect(repairer.repair("matet", damaged: false) == "møtet")  // unknown to this lexicon
        #expect(repairer.repair("saken", damaged: false) == nil)
    }

    @Test("the damage profile tells an OCR page from clean text")
    func profile() {
        let damaged = DamageProfile(text: """
            Radet tar saken til orientering og ber sekretariatet fglge opp. Mgtet ble holdt p& Forskningsradet. \
            @ystein Bjgrn og Radet gnsker a ga videre med bade saken og mgtet. | tillegg ble det papekt at \
            helseneaeringen er viktig for bade radet og for mgtet som ble avholdt i mars.
            """)
        let clean = DamageProfile(text: """
            Rådet tar saken til orientering og ber sekretariatet følge opp. Møtet ble holdt på Forskningsrådet. \
            Øystein Bjørn og rådet ønsker å gå videre med både saken og møtet. I tillegg ble det påpekt at \
            helsenæringen er viktig for både rådet og for møtet som ble avholdt i mars.
            """)
        #expect(damaged.isDamaged)
        #expect(!clean.isDamaged)
    }

    @Test("a repair sits beside the written word at its position; a clean text is left as it is")
    func filterAddsSynonyms() {
        let analyzer = Analyzer.norwegian.withOCRRepair(repairer, profile: nil)
        let damagedText = String(repeating: "Radet holdt mgtet og gnsker a fglge opp pa mgtet. ", count: 8)
        let tokens = analyzer.analyze(damagedText)
        let atFirst = tokens.filter { $0.position == 0 }.map(\.text)
        #expect(atFirst.contains("rad") && atFirst.contains("råd"))  // as written and as repaired, both stemmed
        let cleanText = String(repeating: "Rådet holdt møtet og ønsker å følge opp matet på møtet. ", count: 8)
        #expect(!analyzer.analyze(cleanText).contains { $0.flags.contains(.synonym) && $0.text == "møt" && $0.position == 7 })
    }
}

@Suite("OCR repair of Tesseract's confusions")
struct TesseractIlTests {
    /// Tesseract 5 (nor) reads a word-initial capital I as l and an initial l as I, puts accents
    /// and rings on plain letters, and splits n and m into strokes (measured in
    /// Benchmarks/tesseract-damage.md on bokmål word-list pages, not the corpus).
    static let lexicon: Lexicon = {
        var lexicon = Lexicon()
        lexicon.addText("""
            I tillegg ble innspillet lagt frem. Rådet vil ikke ta stilling i saken, og leder ba om at \
            innspillet ikke sendes før møtet. Lov og livet i kommunen ble drøftet, ikke lagt bort. \
            Forslag til vedtak av samme forskning: en god idé, som også rådet går inn for i år.
            """)
        lexicon.finish()
        return lexicon
    }()

    let repairer = WordRepairer(lexicon: TesseractIlTests.lexicon)

    @Test("the model proposes i for an initial l and l for an initial i", arguments: [
        ("lkke", "ikke"), ("lnnspillet", "innspillet"), ("iivet", "livet"), ("ip", "lp"),
        ("åv", "av"), ("sammé", "samme"), ("förslag", "forslag"), ("forsknirig", "forskning"), ("kornmunen", "kommunen"),
    ])
    func candidates(damaged: String, original: String) {
        #expect(ConfusionModel.norwegianOCR.candidates(damaged)[original] != nil)
    }

    @Test("an initial l that stands for I is repaired, in damaged and in clean documents")
    func repairs() {
        #expect(repairer.repair("lkke", damaged: true) == "ikke")
        #expect(repairer.repair("lnnspillet", damaged: true) == "innspillet")
        #expect(repairer.repair("lnnspillet", damaged: false) == "innspillet")  // unknown words are repaired in clean text too
        for (damaged, original) in [("åv", "av"), ("sammé", "samme"), ("förslag", "forslag"), ("forsknirig", "forskning"), ("kornmunen", "kommunen")] {
            #expect(repairer.repair(damaged, damaged: true) == original, "\(damaged)")
            #expect(repairer.repair(damaged, damaged: false) == original, "\(damaged)")
        }
    }

    @Test("a clean word with an initial l or i stays itself; an l inside a word is not read as i")
    func keepsCleanWords() {
        for word in ["leder", "livet", "lov", "lagt", "ikke", "innspillet", "ville", "idé", "også", "går", "år", "rådet", "inn"] {
            #expect(repairer.repair(word, damaged: true) == nil, "\(word)")
            #expect(repairer.repair(word, damaged: false) == nil, "\(word)")
        }
        #expect(ConfusionModel.norwegianOCR.candidates("vlkke")["vikke"] == nil)
    }
}

@Suite("The likeliest repair candidates")
struct LikeliestCandidatesTests {
    @Test("the bounded list keeps what sorting every candidate would keep, in the same order", arguments: [
        "mgte", "radsmgtet", "beerekraftige", "gjennomgétt", "primzerhelsetjenesten", "@ystein", "p&", "helseneeringen",
    ])
    func sameAsSortingAll(_ word: String) {
        let model = ConfusionModel.norwegianOCR
        for limit in [1, 3, 12] {
            let expected = model.candidates(word)
                .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .prefix(limit)
            var likeliest = LikeliestCandidates(limit: limit)
            model.visitCandidates(Array(word.utf8), &likeliest)
            #expect(likeliest.ranked.map { String(decoding: $0.bytes, as: UTF8.self) } == expected.map(\.key),
                    "\(word), limit \(limit)")
            #expect(likeliest.ranked.map(\.cost) == expected.map(\.value), "\(word), limit \(limit): the costs too")
        }
    }
}
