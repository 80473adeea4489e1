/// A count and its noun in the form that agrees with it — "1 passage", "2 passages", "1 sak",
/// "3 saker" — so that no message a user reads says "1 passages" or "file(s)".
public enum Plural {
    /// `n` followed by `singular` when n is 1, else by `plural` (the English -s form unless given).
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + noun(n, singular, plural)
    }

    /// The noun alone in the form that agrees with `n`, for counts written otherwise ("3/5 files").
    public static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : plural ?? singular + "s"
    }
}
