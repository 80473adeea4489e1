import Dispatch
import Testing
@testable import SearchIndex

@Suite("Snippets: the best passages as written, cut at word boundaries, matches marked")
struct SnippetTests {
    let builder = SnippetBuilder()

    @Test("a short text is shown whole with every match marked, in any inflection")
    func shortText() throws {
        let snippet = try builder.snippet(of: "Rådet drøftet helsedata og Helsedataservice.", terms: ["helsedat", "råd"])
        #expect(snippet.rendered() == "«Rådet» drøftet «helsedata» og Helsedataservice.")
        #expect(snippet.rendered(open: "<b>", close: "</b>") == "<b>Rådet</b> drøftet <b>helsedata</b> og Helsedataservice.")
    }

    @Test("a long text gives at most three passages of about 240 characters, each cut between words")
    func passages() throws {
        let filler = String(repeating: "Dette er fyllord uten treff i det hele tatt. ", count: 12)
        let text = "Først om helsedata. " + filler + "Så om bærekraft i tjenesten. " + filler + "Til slutt om KSF og arendalsuka. " + filler
        let snippet = try builder.snippet(of: text, terms: ["helsedat", "bærekraft", "ksf", "arendalsuk"])
        #expect(snippet.passages.count == 3)
        for passage in snippet.passages {
            let plain = passage.rendered(open: "", close: "")
            #expect(plain.count <= builder.maximumLength + 4)
            let words = Set(text.split(separator: " ").map { String($0) })
            // Every word shown is a whole word of the text (ellipses aside).
            for word in plain.split(separator: " ") where word != "…" { #expect(words.contains(String(word))) }
        }
        let rendered = snippet.rendered()
        #expect(rendered.contains("«helsedata»") && rendered.contains("«bærekraft»") && rendered.contains("«KSF»"))
        // The best passage (two words) comes in reading order with the others.
        #expect(rendered.firstRange(of: "«helsedata»")!.lowerBound < rendered.firstRange(of: "«KSF»")!.lowerBound)
    }

    @Test("a further passage must show a word not yet shown, or several matches")
    func noRepeats() throws {
        let filler = String(repeating: "Dette er fyllord uten treff i det hele tatt. ", count: 12)
        let text = "Om helsedata og KSF. " + filler + "Igjen om helsedata. " + filler
        #expect(try builder.snippet(of: text, terms: ["helsedat", "ksf"]).passages.count == 1)
    }

    @Test("line breaks and runs of spaces become single spaces")
    func oneLine() throws {
        let snippet = try builder.snippet(of: "Sak 8/1/25\n\n  Bedre   tilgang\ntil helsedata", terms: ["helsedat"])
        #expect(snippet.rendered() == "Sak 8/1/25 Bedre tilgang til «helsedata»")
    }

    @Test("the cost grows linearly with the matches of a section: 4× the matches take about 4× the time")
    func linearInMatches() throws {
        func seconds(_ words: Int) throws -> Double {
            let text = String(repeating: "helsedata ", count: words)
            let started = DispatchTime.now()
            let snippet = try builder.snippet(of: text, terms: ["helsedat"])
            #expect(snippet.passages.count == 3)
            return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        }
        _ = try seconds(1_000)
        // The fastest of three interleaved runs of each size: a loaded machine (tests run in parallel)
        // slows single runs by several times, but rarely all three of one size and none of the other.
        var small = Double.infinity, large = Double.infinity
        for _ in 0..<3 {
            small = min(small, try seconds(10_000))
            large = min(large, try seconds(40_000))
        }
        // Quadratic work (every window start counted every later match) gives a ratio near 16.
        #expect(large / small < 9, "10,000 matches \(small) s, 40,000 matches \(large) s")
    }

    @Test("a match longer than a passage does not stall the choice of further passages")
    func overlongMatch() throws {
        let long = String(repeating: "x", count: 300)
        let text = "helsedata " + String(repeating: "fyll ", count: 60) + "\(long)helsedata " + String(repeating: "ord ", count: 80)
        let snippet = try builder.snippet(of: text, terms: ["helsedat", long + "helsedat"])
        #expect(!snippet.passages.isEmpty)
    }

    @Test("past its deadline the snippet stops with DeadlineExceeded")
    func deadline() {
        let text = String(repeating: "helsedata ", count: 5_000)
        #expect(throws: DeadlineExceeded.self) {
            try builder.snippet(of: text, terms: ["helsedat"], deadline: Deadline(seconds: 0))
        }
    }
}
