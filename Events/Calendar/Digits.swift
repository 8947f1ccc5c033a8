/// Digits as Iranians type and read them: Persian (۰–۹), Arabic-Indic (٠–٩) or Latin (0–9).
public enum Digits {
    /// The text with every Persian and Arabic-Indic digit replaced by its Latin digit, so that
    /// input typed on any keyboard parses alike.
    public static func latin(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            default: scalar
            }
        }))
    }

    /// The text with every Latin digit written as a Persian digit, for what people read.
    public static func persian(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x30 + 0x06F0)! : scalar
        }))
    }

    /// A number written with Persian digits.
    public static func persian(_ number: some BinaryInteger) -> String {
        persian(String(number))
    }
}
