/// Turns a text into tokens; the first step of an `Analyzer`.
public protocol Tokenizer: Sendable {
    func tokenize(_ text: String) -> [Token]
}

/// One step of the analysis chain after the tokenizer.
///
/// A filter rewrites tokens in place or appends tokens that share a position with the word they
/// come from. Working on the whole token array (rather than one token at a time) lets a step look
/// at its neighbours or at the whole document, which OCR repair needs.
public protocol TokenFilter: Sendable {
    func filter(_ tokens: inout [Token])
}
