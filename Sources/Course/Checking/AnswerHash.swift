/// Hidden answer keys: SHA-256 of the salt followed by the normalised answer, in hex.
public enum AnswerHash {
    public static func hex(salt: String, normalisedAnswer: String) -> String {
        SHA256.hex(salt + normalisedAnswer)
    }
}
