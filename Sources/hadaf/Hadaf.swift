import ArgumentParser

/// The `hadaf` command: the HADAF participation platform from the command line.
@main
struct Hadaf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hadaf",
        abstract: "HADAF (همیاری دانشگاهیان در فرهنگ): the participation platform's event log and tools.",
        discussion: """
            Every act on the platform is an event in one append-only, hash-chained SQLite log. \
            The database is ./hadaf.sqlite unless --db or the HADAF_DB environment variable names another.

            Exit codes: 0 success; 1 the log failed verification; 3 the log refused the request \
            (a version or id conflict); 64 wrong command-line usage; 65 malformed input (payload, \
            import line); 66 no HADAF database at the path, or an input file that cannot be read; 74 the database or disk failed.
            """,
        subcommands: [
            InitCommand.self,
            AccountCommand.self,
            AppendCommand.self,
            AuditCommand.self,
            CertificateCommand.self,
            CheckpointCommand.self,
            EligibilityCommand.self,
            EventsCommand.self,
            ExecCommand.self,
            ExplainCommand.self,
            FestivalCommand.self,
            ImportCommand.self,
            KeysCommand.self,
            OpenAPICommand.self,
            PolicyCommand.self,
            ProjectCommand.self,
            ServeCommand.self,
            RebuildCommand.self,
            RegulationDigestCommand.self,
            ScoresCommand.self,
            SurveyResultsCommand.self,
            UniversitySummaryCommand.self,
            VerifyCommand.self,
        ])
}
