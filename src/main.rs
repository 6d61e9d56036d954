fn main() -> std::process::ExitCode {
    stafett::cli::main()
}
