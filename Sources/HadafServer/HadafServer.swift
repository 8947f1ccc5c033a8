import EventStore
import HadafProjections
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Participation
import ServiceLifecycle
import UnixSignals

/// The HADAF server: the form handler, the JSON API and the read models, over one log.
///
/// Projectors run live in the same process, following the log, so the read models the API
/// serves catch up with each commit. ``run()`` stops cleanly on SIGTERM or SIGINT: requests in
/// flight finish, then the projectors stop at a committed page.
public struct HadafServer: Sendable {
    /// Where the server listens and what it serves.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// `Secure` on session cookies. Browsers accept it on 127.0.0.1 and localhost too.
        public var secureCookies: Bool
        /// The largest attached file a form accepts, in bytes.
        public var maximumAttachmentSize: Int
        /// The address people reach the server at, for the verification links on certificates;
        /// `http://<host>:<port>` when not given.
        public var publicURL: String?
        /// How long a request may take to be read and handled before the client gets 408.
        public var requestDeadline: Duration
        /// How long a SIGTERM waits for requests in flight before it cancels them (their reads are
        /// interrupted, their appends either acknowledged or not), and then how long it waits for
        /// the cancelled work to end before the process stops all the same.
        public var shutdownGrace: (graceful: Duration, cancellation: Duration) = (.seconds(10), .seconds(5))
        /// The bytes one person's accepted attachments may take in all.
        public var attachmentQuotaPerPerson: Int64 = 200 << 20
        /// Below this much free disk space, uploads are refused with 507.
        public var minimumFreeSpace: Int64 = 512 << 20

        public init(
            host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = true, maximumAttachmentSize: Int = 10 << 20, publicURL: String? = nil,
            requestDeadline: Duration = .seconds(30)
        ) {
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
            self.maximumAttachmentSize = maximumAttachmentSize
            self.publicURL = publicURL
            self.requestDeadline = requestDeadline
        }
    }

    public let store: EventStore
    public let model: ReadModel
    public let accounts: AccountStore
    public let configuration: Configuration
    /// The platform key that signs certificates.
    public let signingKey: SigningKey
    /// The keys the published checkpoints are held to: the platform key's public half and
    /// those in `hadaf.trusted-keys` (a checkpoint key kept off the server).
    public let checkpointKeys: Set<String>
    private let logger: Logger
    private let pages: PageRenderer
    /// Uploaded files, beside the log.
    public let attachments: AttachmentStore
    /// Whether the live projectors run, for `/health` and `/metrics`.
    public let projectionHealth = ProjectionHealth()

    /// A server over the log and read model; creates the read model's tables when missing, so
    /// that the API answers from empty models rather than failing before the first catch-up, and
    /// reads the pages' templates, so that a broken one stops it from starting. Without a
    /// `signingKey`, the platform key beside the log is used, created when missing.
    public init(
        store: EventStore, model: ReadModel, accounts: AccountStore, configuration: Configuration = .init(), signingKey: SigningKey? = nil,
        logger: Logger = Logger(label: "hadaf")
    ) throws {
        if let signingKey {
            self.signingKey = signingKey
        } else {
            let path = SigningKey.path(besideLog: store.path)
            try SigningKey.ensure(at: path)
            self.signingKey = try SigningKey(contentsOf: path)
        }
        checkpointKeys = try TrustedKeys.read(at: TrustedKeys.path(besideLog: store.path)).union([self.signingKey.publicKey])
        self.store = store
        self.model = model
        self.accounts = accounts
        self.configuration = configuration
        self.logger = logger
        attachments = try AttachmentStore(
            directory: AttachmentStore.directory(besideLog: store.path), maximumSize: configuration.maximumAttachmentSize,
            quotaPerPerson: configuration.attachmentQuotaPerPerson, minimumFreeSpace: configuration.minimumFreeSpace)
        pages = try PageRenderer.shipped()
        try projections.prepareTables()
    }

    /// The projectors the server keeps live.
    public var projections: ProjectionRunner {
        ProjectionRunner(store: store, model: model, projectors: StandardProjectors.all)
    }

    /// Every route, behind the middleware that reads identities and renders refusals.
    public func makeRouter() -> Router<HadafRequestContext> {
        let router = Router(context: HadafRequestContext.self)
        let metrics = ServerMetrics()
        router.add(middleware: SecurityHeadersMiddleware(
            https: (configuration.publicURL ?? "").lowercased().hasPrefix("https://"), maximumBody: configuration.maximumAttachmentSize * 4 + (1 << 20),
            inlineStyleHashes: pages.inlineStyleHashes))
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestDeadlineMiddleware(limit: configuration.requestDeadline))
        router.add(middleware: AuthenticationMiddleware(accounts: accounts))
        let readSide = LogReadSide(store: store, model: model)
        let runner = CommandRunner(store: store, festivalReadSide: readSide, awardReadSide: readSide)
        HealthRoutes(health: projectionHealth).add(to: router)
        OpenAPIRoutes().add(to: router)
        MetricsRoutes(metrics: metrics, store: store, projections: projections, health: projectionHealth).add(to: router)
        SessionRoutes(accounts: accounts, throttle: LoginThrottle(), passwords: PasswordChecker(), secureCookies: configuration.secureCookies, pages: pages).add(to: router)
        CommandRoutes(runner: runner, erasure: ErasureSweep(accounts: accounts, attachments: attachments)).add(to: router)
        let attachments = self.attachments
        SubmissionFormRoutes(runner: runner, attachments: attachments, pages: pages, model: model, store: store).add(to: router)
        ContributionFormRoutes(runner: runner, store: store, model: model, pages: pages).add(to: router)
        RegulationOfficeRoutes(runner: runner, store: store, pages: pages).add(to: router)
        SurveyFormRoutes(runner: runner, store: store, pages: pages).add(to: router)
        ReadRoutes(model: model).add(to: router)
        FestivalRoutes(store: store, model: model).add(to: router)
        PageRoutes(pages: pages, store: store, model: model).add(to: router)
        JuryRoutes(runner: runner, store: store, pages: pages).add(to: router)
        ScreeningRoutes(runner: runner, store: store, model: model, pages: pages).add(to: router)
        AwardsOfficeRoutes(runner: runner, store: store, model: model, pages: pages).add(to: router)
        FestivalPageRoutes(runner: runner, store: store, pages: pages).add(to: router)
        FestivalOfficeRoutes(runner: runner, store: store, model: model, pages: pages).add(to: router)
        FestivalCallRoutes(runner: runner, store: store, pages: pages).add(to: router)
        UniversityPageRoutes(store: store, model: model, pages: pages).add(to: router)
        SurveyResultsRoutes(runner: runner, store: store, model: model, pages: pages).add(to: router)
        SurveyDraftRoutes(runner: runner, pages: pages).add(to: router)
        CheckpointRoutes(store: store, trustedKeys: checkpointKeys).add(to: router, pages: pages)
        CertificateRoutes(
            store: store, key: signingKey, pages: pages, publicURL: configuration.publicURL ?? "http://\(configuration.host):\(configuration.port)"
        ).add(to: router)
        return router
    }

    /// How long the live projectors let commits gather before folding them: the read models lag
    /// by about this much more, and a busy server catches up once per interval, not per commit.
    public static let projectionGathering = Duration.milliseconds(200)

    /// How long a connection may sit idle, mid-request or between requests, before it is
    /// closed: a client that trickles its request in ties up nothing for longer.
    public static let idleTimeout = TimeAmount.seconds(30)

    /// The application, ready to run or to test.
    public func makeApplication() -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hadaf"),
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, with the projectors following the log meanwhile. A
    /// shutdown lets requests in flight finish for ``Configuration/shutdownGrace``, then cancels
    /// what is left, so it ends in bounded time whatever a request was doing.
    public func run() async throws {
        let runner = projections
        let health = projectionHealth
        let follower = Task { await runner.followHealing(health: health, gathering: Self.projectionGathering) }
        defer { follower.cancel() }
        var group = ServiceGroupConfiguration(
            services: [.init(service: makeApplication())], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = configuration.shutdownGrace.graceful
        group.maximumCancellationDuration = configuration.shutdownGrace.cancellation
        try await ServiceGroup(configuration: group).run()
        follower.cancel()
        await follower.value
    }
}
