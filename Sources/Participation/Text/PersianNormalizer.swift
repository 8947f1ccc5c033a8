import Foundation

/// Folds Persian text typed on any keyboard into one form, for search and duplicate detection.
/// Stored text is never normalised: it stays as the person typed it.
///
/// What it folds, and why:
/// - Arabic-keyboard letters to their Persian forms: ي and ى to ی, ك to ک.
/// - Letter variants people use interchangeably in titles: ة and ۀ to ه; أ, إ, ٱ and آ to ا;
///   ؤ to و; ئ to ی.
/// - Persian and Arabic-Indic digits to Latin digits.
/// - Kashida (ـ), diacritics (harakat, superscript alef) and the zero-width (non-)joiner are
///   removed: «کتاب‌خوانی» and «کتابخوانی» are one word. A space still separates words.
/// - Punctuation and symbols become spaces; runs of white space become one space; Latin letters
///   are lower-cased.
public enum PersianNormalizer {
    /// The folded form of `text`.
    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        let composed = needsComposing(text) ? text.precomposedStringWithCanonicalMapping : text
        for scalar in composed.unicodeScalars {
            guard let folded = fold(scalar) else { continue }
            if folded == " " {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(folded)
        }
        return String(output)
    }

    /// Whether `text` folds to nothing: only white space, punctuation, symbols, kashida,
    /// diacritics and joiners. The same answer as `normalize(text).isEmpty`, usually without
    /// building the folded text, because every command checks its required texts this way: a
    /// letter or a digit answers at once (canonical composition keeps a letter a letter), and
    /// only a text without one is folded whole (a combining mark may compose with a symbol
    /// into a symbol: `<` and U+0338 make `≮`).
    public static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
                if let folded = fold(scalar), folded != " " { return false }
            default: continue
            }
        }
        return normalize(text).isEmpty
    }

    /// The words of the folded text.
    public static func words(_ text: String) -> [Substring] {
        normalize(text).split(separator: " ")
    }

    /// Whether canonical composition (NFC) could change what `text` folds to. Most Persian text
    /// is Arabic-block letters, ASCII and joiners, on which NFC changes nothing that folding
    /// keeps: only the marks that compose with a letter (U+0653 to U+0655) and the Quranic marks
    /// that NFC may reorder (U+06D6 to U+06ED) among them. The rest needs NFC, which costs as
    /// much as the folding itself.
    private static func needsComposing(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0..<0x0300, 0x200C...0x200F: false
            case 0x0653...0x0655, 0x06D6...0x06ED: true
            case 0x0600...0x06FF: false
            default: true
            }
        }
    }

    /// One scalar folded: nil to drop it, a space for a word boundary.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x064A, 0x0649, 0x0626, 0x06D0: return "\u{06CC}" // ي ى ئ ې → ی
        case 0x0643: return "\u{06A9}" // ك → ک
        case 0x0629, 0x06C0, 0x06C1: return "\u{0647}" // ة ۀ ہ → ه
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}" // آ أ إ ٱ → ا
        case 0x0624: return "\u{0648}" // ؤ → و
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30)
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30)
        case 0x0640, 0x064B...0x065F, 0x0670, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF: return nil
        // Most of a Persian text: its letters, ASCII lower-case letters and digits, and the
        // space, kept as they are without looking up their Unicode properties.
        case 0x0621...0x063A, 0x0641...0x064A, 0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC, 0x61...0x7A, 0x30...0x39:
            return scalar
        case 0x20: return " "
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return " " }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .control, .format:
            return " "
        case .uppercaseLetter, .titlecaseLetter:
            return properties.lowercaseMapping.unicodeScalars.first ?? scalar
        default:
            return scalar
        }
    }
}
