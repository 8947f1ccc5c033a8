extension BinaryInteger {
    /// The number written with Persian digits (۰۱۲۳۴۵۶۷۸۹), for Persian messages.
    var persianDigits: String {
        String(String(self).unicodeScalars.map { scalar in
            guard ("0"..."9").contains(scalar) else { return Character(scalar) }
            return Character(Unicode.Scalar(scalar.value - 0x30 + 0x06F0)!)
        })
    }
}
