import ArgumentParser
import HadafEvents

/// `--year 1404`, `--year 1404-1405` or `--year ۱۴۰۴`: an academic year on the command line.
extension AcademicYear: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
