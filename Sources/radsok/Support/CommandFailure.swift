/// An error that ends the command with a one-line message and the contract's exit code:
/// 2 for a usage mistake, 1 for anything else.
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }
}
