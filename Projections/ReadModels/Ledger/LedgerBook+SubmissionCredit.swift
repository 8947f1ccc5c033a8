extension LedgerBook {
    /// What a submission credits: its kind and its authors with their shares.
    ///
    /// The audit's fold holds one for every submission of the log (a million in a national
    /// year), in a dictionary whose every slot is the size of this value: so the one author most
    /// submissions have is held inline, their share in whole percent, the kind as a byte, and the
    /// whole in 32 bytes.
    struct SubmissionCredit {
        /// nil when the submission names no author.
        private let firstAuthorId: String?
        private let otherAuthors: [Author]
        private let firstAuthorShare: UInt16
        let kind: Kind

        /// A submission's kind, as the tables name it.
        enum Kind: String {
            case idea, experience
        }

        init(kind: Kind, authors: [Author]) {
            self.kind = kind
            firstAuthorId = authors.first?.id
            let share = (authors.first?.share ?? 0).rounded()
            firstAuthorShare = share.isFinite ? UInt16(max(0, min(share, Double(UInt16.max)))) : 0
            otherAuthors = Array(authors.dropFirst())
        }

        /// The authors, in the order the submission names them.
        var authors: [Author] {
            firstAuthorId.map { [Author(id: $0, share: Double(firstAuthorShare))] + otherAuthors } ?? []
        }
    }

    /// An author of a submission and their share of its credit, in whole percent.
    struct Author: Sendable {
        let id: String
        let share: Double
    }
}
