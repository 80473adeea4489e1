/// An error that ends the command with a one-line message and the contract's exit code:
/// 2 for a usage mistake, 1 for anything else.
///
/// Throw it from `run()`. From `validate()` throw `ValidationError` instead: ArgumentParser wraps
/// whatever `validate()` throws, and a wrapped `CommandFailure` would reach the user as a debug
/// string with exit code 1 (`Main` unwraps what it can, as a second line of defence).
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }

    var description: String { message }
}
