import ArgumentParser
import HadafEvents

/// `--university ID --year 1404`: the scope of the reports on one university's year.
struct UniversityYearOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The university's code, e.g. ut.", valueName: "id"))
    var university: String

    @Option(help: ArgumentHelp("The academic year, e.g. 1404, 1404-1405 or ۱۴۰۴.", valueName: "year"))
    var year: AcademicYear
}
