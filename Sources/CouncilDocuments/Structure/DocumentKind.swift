/// What a corpus file is as a whole, from the words of its name ("ho21-referat-møte-2023-5.txt"
/// is minutes, "ho21-årsrapport-2025.txt" an annual report): what a citation calls the document
/// when its sections say no more. Councils name their files by these words of the trade; a
/// file named otherwise is a `document`.
public enum DocumentKind: String, Sendable, CaseIterable {
    case minutes, meetingPapers, annualReport, hearingResponse, report, document

    /// The words of a file name that say what it is, folded (`møte` as `mote`), by kind; the
    /// first kind with a word in the name wins.
    static let nameWords: [(DocumentKind, Set<String>)] = [
        (.minutes, ["referat", "protokoll", "motebok", "moteprotokoll"]),
        (.annualReport, ["arsrapport", "aarsrapport", "arsmelding"]),
        (.hearingResponse, ["horingssvar", "horingsuttalelse", "horingsinnspill"]),
        (.meetingPapers, ["saksframlegg", "saksfremlegg", "sakspapirer", "sakskart", "innkalling", "saksdokumenter",
                          "motepapirer", "mote", "moteinnkalling", "saksliste"]),
        (.report, ["rapport", "notat", "utredning"]),
    ]

    public init(fileName: String) {
        let words = Set(fileName.lowercased().split { !$0.isLetter }.map { Self.folded(String($0)) })
        self = Self.nameWords.first { !$0.1.isDisjoint(with: words) }?.0 ?? .document
    }

    /// The Norwegian name a citation uses.
    public var name: String {
        switch self {
        case .minutes: "referat"
        case .meetingPapers: "sakspapirer"
        case .annualReport: "årsrapport"
        case .hearingResponse: "høringssvar"
        case .report: "rapport"
        case .document: "dokument"
        }
    }

    private static func folded(_ word: String) -> String {
        String(word.map { c -> Character in
            switch c {
            case "æ": "a"
            case "ø": "o"
            case "å": "a"
            default: c
            }
        })
    }
}
