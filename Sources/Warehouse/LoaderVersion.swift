/// The loader's version, recorded in `etl_run`.
public enum LoaderVersion {
    public static let current = "0.1.0"
}
