import ArgumentParser
import CouncilDocuments
import Foundation
import SearchIndex

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a case (8/1/2025 or 8/1/25: every section of it) or the sections at lines of a file.",
        discussion: """
            A section id is the file and line range of a search hit, e.g. \
            ho21-møte-2025-2-sakspapirer.txt:284-338, with a hyphen or an en dash (284–338). Any lines \
            of the file work: FILE:LINE, or a range, shows every section they overlap.
            """
    )

    @Argument(help: "A case id like 8/1/2025, or FILE:FIRST-LAST (or FILE:FIRST–LAST, FILE:LINE).")
    var id: String

    @OptionGroup var location: LocationOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let wanted: SectionSelector
        do { wanted = try SectionSelector(id) } catch { throw CommandFailure.usage(error.description) }
        let reader = try location.openIndex()
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        let found: ShowResponse?
        do { found = try SearchService(reader: reader).show(wanted, texts: &texts) } catch { throw CommandFailure.failure(error.description) }
        guard let response = found else { throw CommandFailure.failure("no case or section \(id) in the index") }
        let shown = response.sections
        if json {
            print(try ContractJSON.string(response, pretty: true))
        } else {
            if case .caseID = wanted {
                print(Terminal.bold("Sak \(wanted)") + (shown.first?.record.section.title.map { "  " + $0 } ?? ""))
                if !response.cited.isEmpty {
                    let cited = response.cited.map { $0.inIndex ? $0.caseID : "\($0.caseID) (ikke i indeksen)" }
                    print("Viser til / tidligere behandlet: " + cited.joined(separator: ", "))
                }
                if !response.referencedBy.isEmpty { print("Omtalt i: " + response.referencedBy.joined(separator: ", ")) }
                print("")
            }
            for section in shown {
                let s = section.record.section
                let place = Place.text(file: section.file, lines: [s.firstLine, s.lastLine], pages: section.pages)
                var head = Terminal.sectionRule + "\(place) · \(s.kind.rawValue)"
                if let c = s.caseID { head += " · Sak \(c)" }
                if let m = s.meeting { head += " · møte \(m)" }
                if let d = s.date { head += " · \(d)" }
                print(Terminal.bold(head))
                if let t = s.title {
                    print(Terminal.bold(t) + (s.titleAsWritten.map { Terminal.dim("  (as written: \($0))") } ?? ""))
                }
                print(Self.marked(section).trimmingCharacters(in: .newlines))
                print("")
            }
        }
    }

    /// The section's text with the lines of its decisions and proposals marked in the margin, each
    /// under a heading that says which it is.
    static func marked(_ section: ShownSection) -> String {
        guard !section.marks.isEmpty else { return section.text }
        let first = section.record.section.firstLine
        var out: [String] = []
        for (offset, line) in section.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = first + offset
            if let mark = section.marks.first(where: { $0.lines[0] == number }) {
                let label = mark.kind == "vedtak" ? "Vedtak (rådets beslutning)" : "Forslag til vedtak"
                out.append(Terminal.bold(Terminal.marginMark + label))
            }
            let inside = section.marks.contains { $0.lines[0] <= number && number <= $0.lines[1] }
            out.append(inside ? Terminal.marginMark + line : String(line))
        }
        return out.joined(separator: "\n")
    }
}
