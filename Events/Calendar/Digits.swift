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

    /// The text with every digit made Latin (as ``latin(_:)``) and every white space and
    /// invisible format character dropped, wherever it sits: the zero-width non-joiner and
    /// joiner, no-break spaces, tabs and line ends, left-to-right and right-to-left marks and the
    /// other bidi controls, the byte-order mark. A phone's Persian keyboard puts these inside
    /// numbers; a national code, a year or an amount is read as the digits alone.
    ///
    /// Works on Unicode scalars, not on `Character`s: a digit followed by a ZWNJ is one
    /// `Character`, and a filter over characters would never see the ZWNJ.
    public static func compact(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in latin(text).unicodeScalars where !isInvisible(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// White space, and the format characters (Unicode category Cf) that show nothing.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
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

extension Character {
    /// One of the ten Latin digits `0`-`9` (and nothing else: no combining marks after it).
    public var isASCIIDigitCharacter: Bool { unicodeScalars.count == 1 && ("0"..."9").contains(unicodeScalars.first!) }
}
