extension LedgerBook {
    /// What a submission credits: its kind and its authors with their shares.
    ///
    /// The audit's fold holds one for every submission of the log (well over a million in a
    /// national year), so the one author most submissions have is held inline: an array of one
    /// took a heap allocation of its own.
    struct SubmissionCredit {
        let kind: String
        private let firstAuthor: Author?
        private let otherAuthors: [Author]

        init(kind: String, authors: [Author]) {
            self.kind = kind
            firstAuthor = authors.first
            otherAuthors = Array(authors.dropFirst())
        }

        /// The authors, in the order the submission names them.
        var authors: [Author] { firstAuthor.map { [$0] + otherAuthors } ?? [] }
    }

    /// An author of a submission and their share of its credit, in percent.
    struct Author: Sendable {
        let id: String
        let share: Double
    }
}
