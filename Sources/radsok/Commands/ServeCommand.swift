import ArgumentParser
import Dispatch
import Foundation
import RadsokServer
import SearchIndex

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and the JSON API over HTTP until Ctrl-C (SIGINT) or SIGTERM.",
        discussion: """
            Builds the index first when it is missing or stale, as search does, and picks up an \
            index rebuilt by 'radsok index' while serving. Binds to 127.0.0.1 unless --host says \
            otherwise.

            Examples:
              radsok serve
              curl 'http://127.0.0.1:8080/api/search?q=helsedata&limit=5'
            """
    )

    @Option(help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @OptionGroup var location: LocationOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.allSatisfy(\.isWhitespace) else { throw ValidationError("--host: give an address, e.g. 127.0.0.1") }
        guard HostAddress.resolves(host) else {
            throw ValidationError("--host: '\(host)' is neither an address nor a name that resolves "
                                  + "(e.g. 127.0.0.1, ::1, localhost)")
        }
    }

    func run() throws {
        if let problem = IndexLocation.problem(folder: location.indexPath) { throw CommandFailure.failure(problem) }
        // All of it: a server must not depend on the file staying as it was (`IndexReader`).
        let reader = try location.openIndex(whole: true)
        var server = RadsokServer(index: IndexHandle(reader: reader, folder: location.indexPath, corpusPath: location.corpusPath))
        server.host = host
        server.port = port
        let sections = reader.sectionCount
        let failure = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { address in
                    let line = "radsok: serving \(address) (\(Plural.count(sections, "section"))); Ctrl-C stops\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            } catch {
                failure.set("cannot serve on \(host):\(port): \(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message { throw CommandFailure.failure(message) }
    }
}

/// The error a server run ended with, handed from its task to the command.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ message: String) { lock.withLock { stored = message } }
    var message: String? { lock.withLock { stored } }
}
