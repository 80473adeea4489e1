import Foundation
import Testing

/// Every input the fuzzers ever found a crash or hang with (Benchmarks/fuzz.sh keeps them under
/// Tests/FuzzRegressions/), replayed through the same targets by the plain-built `radsok-fuzz`.
@Suite("Fuzz regressions replayed")
struct FuzzRegressionTests {
    @Test("every kept fuzz input runs through the query and tokenizer targets without a crash")
    func replay() throws {
        let folder = CLIRunner.repository.appendingPathComponent("Tests/FuzzRegressions")
        let inputs = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .map { folder.appendingPathComponent($0).path }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
            .sorted()
        #expect(!inputs.isEmpty)
        let executable = CLIRunner.executable.deletingLastPathComponent().appendingPathComponent("radsok-fuzz")
        let process = Process()
        process.executableURL = executable
        process.arguments = inputs
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("replayed \(inputs.count) input(s)"))
    }
}
