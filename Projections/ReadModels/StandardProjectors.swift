/// The projectors the platform runs.
public enum StandardProjectors {
    public static var all: [any Projector] {
        [CatalogueProjector(), LedgerProjector(), SurveyResultsProjector(), SurveyListingProjector(), RegulationDigestProjector(), RegulationListingProjector(), FestivalListingProjector()]
    }
}
