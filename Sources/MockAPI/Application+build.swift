public import Hummingbird
public import Logging

/// Builds the mock API application (the raw data endpoint, control and ground-truth endpoints).
/// Stream indices are built here, before the server starts listening.
public func buildApplication(_ configuration: MockAPIConfiguration, logger: Logger) -> some ApplicationProtocol {
    buildApplication(MockControl(configuration: configuration), logger: logger, onServerRunning: { _ in })
}

/// Builds the mock API application; `onServerRunning` receives the bound port once it listens
/// (useful with port 0).
public func buildApplication(
    _ configuration: MockAPIConfiguration,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void
) -> some ApplicationProtocol {
    buildApplication(MockControl(configuration: configuration), logger: logger, onServerRunning: onServerRunning)
}

/// Builds the mock API application around a control handle, so that the caller can move its clock
/// or epoch and read its truth in process while it serves.
public func buildApplication(
    _ control: MockControl,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void
) -> some ApplicationProtocol {
    let configuration = control.configuration
    let router = buildRouter(control, logger: logger)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "qai-mock-api"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.info(
                "mock.listening",
                metadata: [
                    "mock.host": "\(configuration.host)", "mock.port": "\(port)",
                    "mock.streams": "\(configuration.streams.count)",
                ])
            await onServerRunning(port)
        },
        logger: logger)
}

func buildRouter(_ control: MockControl, logger: Logger) -> Router<BasicRequestContext> {
    let (dataset, state) = (control.dataset, control.state)
    let configuration = dataset.configuration
    let router = Router()
    RawDataController(
        dataset: dataset, state: state,
        verifier: TokenVerifier(clientSecret: configuration.clientSecret, clientId: configuration.clientId),
        logger: logger
    ).addRoutes(to: router)
    ControlController(dataset: dataset, state: state).addRoutes(to: router)
    TruthController(dataset: dataset, state: state).addRoutes(to: router)
    return router
}
