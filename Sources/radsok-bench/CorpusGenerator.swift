import CouncilDocuments
import Foundation

/// Writes a synthetic council corpus of any size from the paragraphs of real packages: meeting
/// packages with renumbered `Sak` headers, sampled and reshuffled paragraphs, decisions, and OCR
/// damage of æøå in a share of the files, as in the archive.
struct CorpusGenerator {
    let paragraphs: [String]
    let titles: [String]
    var seed: UInt64 = 42
    var fileBytes = 1 << 20
    /// Share of files written as damaged OCR output.
    var damagedShare = 0.2

    init(source: String) throws {
        var paragraphs: [String] = []
        var titles: [String] = []
        for file in try CorpusScanner.files(in: source) {
            let text = try DocumentReader.read(path: file.path, id: file.id).text
            for block in text.components(separatedBy: "\n\n") {
                let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.count > 20 else { continue }
                if let header = CaseHeader.parse(trimmed.split(separator: "\n").first ?? ""), let title = header.title {
                    titles.append(title)
                } else {
                    paragraphs.append(trimmed)
                }
            }
        }
        self.paragraphs = paragraphs
        self.titles = titles.isEmpty ? ["Orienteringer"] : titles
    }

    /// Writes files until `totalBytes` are written; returns the number of files.
    func generate(totalBytes: Int, into folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        var written = 0
        var fileNumber = 0
        while written < totalBytes {
            let year = 2010 + fileNumber / 6 % 16
            let meeting = fileNumber % 6 + 1
            let damaged = Double(random.next() % 1000) / 1000 < damagedShare
            var text = package(year: year, meeting: meeting, random: &random)
            if damaged { text = Self.damage(text, random: &random) }
            let name = String(format: "ho21-syn-%05d-møte-%d-%d-sakspapirer.txt", fileNumber, year, meeting)
            let data = Data(text.utf8)
            try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
            written += data.count
            fileNumber += 1
        }
        return fileNumber
    }

    private func package(year: Int, meeting: Int, random: inout SplitMix64) -> String {
        let months = ["januar", "februar", "mars", "april", "mai", "juni", "august", "september", "oktober", "november"]
        var out = "HelseOmsorg21-rådet\n\nMøte \(meeting)/\(year)\n\nDato \(Int(random.next() % 28) + 1). \(months[Int(random.next() % 10)]) \(year)\n\n"
        var caseNumber = (meeting - 1) * 12 + 1
        while out.utf8.count < fileBytes {
            out += "Saksfremlegg\n\nSak \(caseNumber)/\(meeting)/\(year % 100)\n\(titles[Int(random.next() % UInt64(titles.count))])\n\n"
            for _ in 0..<(3 + Int(random.next() % 10)) {
                out += paragraphs[Int(random.next() % UInt64(paragraphs.count))] + "\n\n"
            }
            out += random.next() % 2 == 0 ? "Forslag til vedtak\n" : "Vedtak: "
            out += "Rådet tar saken til orientering.\n\n"
            caseNumber += 1
        }
        return out
    }

    /// The damage OCR does to Norwegian letters: ø → g, a, @ (word-initial capital); å → a, &;
    /// æ → ae, ee; and "|" for a capital I. Each occurrence is damaged with probability 0.7.
    static func damage(_ text: String, random: inout SplitMix64) -> String {
        var out = String.UnicodeScalarView()
        var previousIsLetter = false
        for scalar in text.unicodeScalars {
            let roll = random.next() % 100
            if roll < 70 {
                switch scalar {
                case "ø": out.append(contentsOf: (roll % 3 == 0 ? "a" : "g").unicodeScalars); previousIsLetter = true; continue
                case "Ø": out.append(contentsOf: (previousIsLetter ? "G" : "@").unicodeScalars); previousIsLetter = true; continue
                case "å": out.append(contentsOf: (roll % 4 == 0 ? "&" : "a").unicodeScalars); previousIsLetter = true; continue
                case "æ": out.append(contentsOf: (roll % 2 == 0 ? "ae" : "ee").unicodeScalars); previousIsLetter = true; continue
                case "I" where !previousIsLetter && roll < 10: out.append("|"); previousIsLetter = true; continue
                default: break
                }
            }
            out.append(scalar)
            previousIsLetter = scalar.properties.isAlphabetic
        }
        return String(out)
    }
}
