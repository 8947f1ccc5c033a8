/// Finds earlier texts that are near-identical to a new one, to flag a likely duplicate
/// submission to its screener.
///
/// Texts are compared by the Jaccard similarity of their word shingles (each word, and each
/// pair of neighbouring words, of the normalised text: see ``PersianNormalizer``), so the same
/// title typed on an Arabic and a Persian keyboard is identical. To stay fast with a national
/// catalogue, candidates come from MinHash signatures in locality-sensitive buckets (16 bands of
/// 4 hashes: a pair at similarity 0.8 is a candidate with probability 0.9998); each candidate is
/// then compared exactly. Hashing is FNV-1a with fixed seeds, so results do not change from one
/// run to the next.
public struct NearDuplicateIndex<ID: Hashable & Sendable>: Sendable {
    /// A text found similar enough, with its similarity (0 to 1).
    public struct Match: Hashable, Sendable {
        public let id: ID
        public let similarity: Double
    }

    private static var bands: Int { 16 }
    private static var rowsPerBand: Int { 4 }

    /// Texts are held by ordinal, in the order they were first added: buckets of small integers
    /// and shingles in sorted arrays make a candidate cheap to collect and to compare, which a
    /// check does hundreds of times in a national catalogue.
    private var ids: [ID] = []
    private var ordinals: [ID: Int32] = [:]
    private var shingles: [[UInt64]] = []
    private var buckets = [[UInt64: [Int32]]](repeating: [:], count: bands)

    public init() {}

    /// How many texts the index holds.
    public var count: Int { ids.count }

    /// What the index keeps of a text: its shingles and their locality-sensitive bucket keys.
    /// Computing it is most of the cost of adding or matching a text, so a caller that both
    /// matches a text and later adds it computes it once.
    public struct Fingerprint: Sendable, Hashable {
        /// The text's shingles, sorted and distinct.
        let shingles: [UInt64]
        let bandKeys: [UInt64]

        public init(of text: String) {
            shingles = NearDuplicateIndex.shingles(of: text)
            bandKeys = shingles.isEmpty ? [] : NearDuplicateIndex.bandKeys(of: shingles)
        }
    }

    /// Adds (or replaces) the text known as `id`.
    public mutating func add(_ id: ID, text: String) {
        add(id, Fingerprint(of: text))
    }

    /// Adds (or replaces) the text known as `id`, by its fingerprint. A replaced text's old
    /// bucket entries stay: they only make the id a candidate, and candidates are compared with
    /// the text it has now.
    public mutating func add(_ id: ID, _ fingerprint: Fingerprint) {
        let ordinal: Int32
        if let known = ordinals[id] {
            ordinal = known
            shingles[Int(known)] = fingerprint.shingles
        } else {
            ordinal = Int32(ids.count)
            ordinals[id] = ordinal
            ids.append(id)
            shingles.append(fingerprint.shingles)
        }
        for (band, key) in fingerprint.bandKeys.enumerated() {
            buckets[band][key, default: []].append(ordinal)
        }
    }

    /// The texts at least `threshold` similar to `text`, most similar first (excluding `excluding`).
    public func matches(for text: String, threshold: Double = 0.8, excluding: ID? = nil) -> [Match] {
        matches(for: Fingerprint(of: text), threshold: threshold, excluding: excluding)
    }

    /// The texts at least `threshold` similar to the fingerprinted one, most similar first.
    public func matches(for fingerprint: Fingerprint, threshold: Double = 0.8, excluding: ID? = nil) -> [Match] {
        let set = fingerprint.shingles
        guard !set.isEmpty else { return [] }
        var candidates: [Int32] = []
        for (band, key) in fingerprint.bandKeys.enumerated() {
            if let bucket = buckets[band][key] { candidates.append(contentsOf: bucket) }
        }
        candidates.sort()
        let excluded = excluding.flatMap { ordinals[$0] }
        var found: [Match] = []
        var previous: Int32 = -1
        for ordinal in candidates where ordinal != previous {
            previous = ordinal
            guard ordinal != excluded else { continue }
            let similarity = Self.jaccard(set, shingles[Int(ordinal)])
            if similarity >= threshold { found.append(Match(id: ids[Int(ordinal)], similarity: similarity)) }
        }
        return found.sorted { $0.similarity > $1.similarity }
    }

    // MARK: - Shingles and signatures

    /// The distinct shingles of `text`, sorted.
    static func shingles(of text: String) -> [UInt64] {
        let words = PersianNormalizer.words(text).map { fnv1a($0.utf8, seed: 0) }
        var all = words
        for index in words.indices.dropLast() {
            all.append(mix(words[index] &* 31 &+ words[index + 1]))
        }
        all.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(all.count)
        for shingle in all where shingle != distinct.last { distinct.append(shingle) }
        return distinct
    }

    /// |A ∩ B| / |A ∪ B| of two sorted, distinct shingle arrays, counted in one merge: it runs
    /// once per candidate.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var shared = 0
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { shared += 1; i += 1; j += 1 }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    static func bandKeys(of set: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            var key: UInt64 = 0xcbf2_9ce4_8422_2325
            for row in 0..<rowsPerBand {
                let seed = UInt64(band * rowsPerBand + row + 1) &* 0x9E37_79B9_7F4A_7C15
                let minimum = set.lazy.map { mix($0 ^ seed) }.min() ?? 0
                key = (key ^ minimum) &* 0x0000_0100_0000_01B3
            }
            return key
        }
    }

    private static func fnv1a(_ bytes: Substring.UTF8View, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// A 64-bit finaliser (SplitMix64's), so that seeded minima behave as independent hashes.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
