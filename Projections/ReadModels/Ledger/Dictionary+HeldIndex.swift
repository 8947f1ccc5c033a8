extension Dictionary {
    /// The index of `key`, after inserting `make()` when the dictionary lacks it: one look-up
    /// when the key is held, and the value is then changed in place through `values[index]`.
    /// (Taking a value out and putting it back cost a deletion and an insertion at every event.)
    mutating func index(forKey key: Key, insertingIfMissing make: () throws -> Value) rethrows -> Index {
        if let held = index(forKey: key) { return held }
        self[key] = try make()
        return index(forKey: key)!
    }
}
