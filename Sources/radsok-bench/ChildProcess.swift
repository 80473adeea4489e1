import CouncilDocuments
#if canImport(Glibc)
import Glibc
#endif

/// The benchmark runs each measured step as a `ChildProcess` (CouncilDocuments) — this binary
/// again, or a peer's program such as the Tantivy script — so each engine's peak memory and cold
/// start are its own.
extension ChildProcess {
    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }
}
