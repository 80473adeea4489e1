import Foundation
import Testing

/// Every option of every subcommand, given a bad value, ends with exit code 2 and one line that
/// names the problem: never a Swift debug string, never exit 1 (the README's contract).
@Suite("A bad value of any option is a usage error (2) with a one-line message")
struct OptionValueTests {
    /// A bad invocation and a word its message must contain.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let mentioning: String
        var testDescription: String { arguments.joined(separator: " ") }

        init(_ arguments: String..., mentioning: String) {
            self.arguments = arguments
            self.mentioning = mentioning
        }
    }

    static let cases: [Case] = [
        // Filters, on both commands that take them.
        Case("search", "helsedata", "--kind", "foo", mentioning: "--kind"),
        Case("search", "helsedata", "--kind", ",", mentioning: "--kind"),
        Case("search", "helsedata", "--year", "abc", mentioning: "--year"),
        Case("search", "helsedata", "--year", "1800", mentioning: "--year"),
        Case("search", "helsedata", "--from", "2023-13-45", mentioning: "--from"),
        Case("search", "helsedata", "--to", "2023-02-40", mentioning: "--to"),
        Case("search", "helsedata", "--from", "2025", "--to", "2023", mentioning: "--from"),
        Case("search", "helsedata", "--meeting", "1-2025", mentioning: "--meeting"),
        Case("timeline", "helsedata", "--kind", "foo", mentioning: "--kind"),
        Case("timeline", "helsedata", "--year", "x", mentioning: "--year"),
        Case("timeline", "helsedata", "--from", "2023-13-45", mentioning: "--from"),
        Case("timeline", "helsedata", "--to", "i går", mentioning: "--to"),
        Case("timeline", "helsedata", "--meeting", "1-2025", mentioning: "--meeting"),
        Case("timeline", "helsedata", "--newest-first=yes", mentioning: "--newest-first"),
        // How much memory a build may use.
        Case("index", "--memory", "lots", mentioning: "--memory"),
        Case("index", "--memory", "0", mentioning: "--memory"),
        Case("index", "--memory", "-5MB", mentioning: "--memory"),
        // The rest of search.
        Case("search", "helsedata", "--limit", "0", mentioning: "--limit"),
        Case("search", "helsedata", "--limit", "1001", mentioning: "--limit"),
        Case("search", "helsedata", "--limit", "ti", mentioning: "--limit"),
        Case("search", "helsedata", "--sort", "foo", mentioning: "--sort"),
        Case("search", "helsedata", "--recall", "--as-typed", mentioning: "--recall"),
        Case("search", "helsedata", "--json=no", mentioning: "--json"),
        Case("search", "helsedata", "--corpus", "", mentioning: "--corpus"),
        Case("search", "helsedata", "--index", " ", mentioning: "--index"),
        Case("search", "helsedata", "--limit", mentioning: "--limit"),
        Case("search", mentioning: "empty"),
        // show, similar, serve, eval, index, normalize.
        Case("show", "nonsense", mentioning: "nonsense"),
        Case("show", "a.txt:0", mentioning: "a.txt:0"),
        Case("show", "a.txt:9-3", mentioning: "a.txt:9-3"),
        Case("show", "a.txt:x-y", mentioning: "a.txt:x-y"),
        Case("show", mentioning: "<id>"),
        Case("similar", "utkast", "--limit", "0", mentioning: "--limit"),
        Case("similar", "utkast", "--limit", "mange", mentioning: "--limit"),
        Case("similar", "utkast", "--file", "utkast.txt", mentioning: "--file"),
        Case("serve", "--port", "70000", mentioning: "--port"),
        Case("serve", "--port", "-1", mentioning: "--port"),
        Case("serve", "--port", "http", mentioning: "--port"),
        Case("serve", "--host", "", mentioning: "--host"),
        Case("serve", "--host", "999.1.1.1", mentioning: "--host"),
        Case("serve", "--host", "ikke en vert", mentioning: "--host"),
        Case("eval", "qrels.json", "--widening", "foo", mentioning: "--widening"),
        Case("eval", mentioning: "<qrels>"),
        Case("index", "--corpus", "", mentioning: "--corpus"),
        Case("index", "extra", mentioning: "extra"),
        Case("normalize", "--damaged=yes", mentioning: "--damaged"),
        Case("frobnicate", mentioning: "frobnicate"),
        Case("search", "helsedata", "--frobnicate", mentioning: "--frobnicate"),
    ]

    @Test("exit 2, one line naming the problem, nothing on stdout", arguments: cases)
    func badValue(_ bad: Case) async throws {
        // Where an index is named, it is one that exists, so nothing but the value can fail.
        let named = bad.arguments.contains("--corpus") || bad.arguments.contains("--index") || bad.arguments.count < 2
        let located = named ? bad.arguments
            : bad.arguments + ["--corpus", CLIRunner.corpus, "--index", try await CLIRunner.sharedIndex().path]
        let result = try await CLIRunner.run(located)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("radsok: "))
        #expect(result.stderr.contains(bad.mentioning), "stderr: \(result.stderr)")
        for debug in ["CommandFailure", "ValidationError", "exitCode:", "message:", "Problem("] {
            #expect(!result.stderr.contains(debug), "stderr: \(result.stderr)")
        }
    }
}
