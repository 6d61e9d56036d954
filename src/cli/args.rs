//! The command line's options and commands, with every help text from the string catalog.

use crate::t;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The command line's options and commands. Their help texts are in the string catalog
/// (`cli.help.*`), like every other text a user reads.
#[derive(Debug, Parser)]
#[command(name = "stafett", version, about = t!("cli.help.about"), long_about = None)]
pub struct Cli {
    #[arg(
        long,
        env = "STAFETT_DATA_DIR",
        global = true,
        value_name = t!("cli.help.folder"),
        help = t!("cli.help.data_dir")
    )]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = t!("cli.help.folder"), help = t!("cli.help.workshops_dir"))]
    pub workshops: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_enum,
        hide_possible_values = true,
        value_name = t!("cli.help.theme_value"),
        help = t!("cli.help.theme")
    )]
    pub theme: Option<CliTheme>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = t!("cli.help.new"))]
    New {
        #[arg(value_name = t!("cli.help.process"), help = t!("cli.help.workshop"))]
        workshop: String,
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.new_name"))]
        name: String,
    },
    #[command(about = t!("cli.help.open"))]
    Open {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
    },
    #[command(about = t!("cli.help.list"))]
    List,
    #[command(about = t!("cli.help.workshops"))]
    Workshops,
    #[command(about = t!("cli.help.check"))]
    Check {
        #[arg(required = true, value_name = t!("cli.help.file"))]
        files: Vec<PathBuf>,
    },
    #[command(about = t!("cli.help.export"))]
    Export {
        #[arg(
            value_name = t!("cli.help.name_value"),
            help = t!("cli.help.name"),
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        name: Option<String>,
        /// Every forløp's handlingsplan in one workbook.
        #[arg(long, help = t!("cli.help.export_all"))]
        all: bool,
        #[arg(long, value_name = t!("cli.help.folder"), help = t!("cli.help.out"))]
        out: Option<PathBuf>,
        #[arg(
            long,
            value_enum,
            hide_possible_values = true,
            value_name = t!("cli.help.format_value"),
            help = t!("cli.help.format")
        )]
        format: Option<ExportFormat>,
    },
    #[command(about = t!("cli.help.follow"))]
    Follow {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
    },
    #[command(about = t!("cli.help.delete"))]
    Delete {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
        #[arg(long, help = t!("cli.help.yes"))]
        yes: bool,
    },
}

/// Reads the command line. Clap's own words (headings, the help and version flags) are set
/// here from the catalog, so `--help` is all in the user's language.
pub(super) fn parse_args() -> Cli {
    use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};
    let norwegian = |cmd: clap::Command| {
        cmd.help_template(t!("cli.help.template"))
            .subcommand_help_heading(t!("cli.help.commands"))
            .subcommand_value_name(t!("cli.help.command"))
            .mut_args(|a| {
                let heading = if a.is_positional() {
                    t!("cli.help.arguments")
                } else {
                    t!("cli.help.options")
                };
                a.help_heading(heading)
            })
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help_heading(t!("cli.help.options"))
                    .help(t!("cli.help.help")),
            )
    };
    let cmd = norwegian(Cli::command())
        .override_usage(t!("cli.help.usage"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(t!("cli.help.options"))
                .help(t!("cli.help.version")),
        )
        .mut_subcommands(|sub| {
            let sub = norwegian(sub);
            let usage = sub.clone().render_usage().to_string();
            let usage = usage
                .trim_start_matches("Usage: ")
                .replace("[OPTIONS]", t!("cli.help.options_value"));
            sub.override_usage(format!("stafett {usage}"))
        });
    let matches = cmd.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// What `export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Html,
    Xlsx,
    All,
}

impl ExportFormat {
    pub fn formats(self) -> crate::export::Formats {
        use crate::export::Formats;
        let none = Formats::NONE;
        match self {
            ExportFormat::Md => Formats { md: true, ..none },
            ExportFormat::Csv => Formats { csv: true, ..none },
            ExportFormat::Html => Formats { html: true, ..none },
            ExportFormat::Xlsx => Formats { xlsx: true, ..none },
            ExportFormat::All => Formats::ALL,
        }
    }
}

/// `--theme`: the look to start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CliTheme {
    Standard,
    Projector,
}

impl From<CliTheme> for crate::ui::theme::ThemeName {
    fn from(theme: CliTheme) -> Self {
        match theme {
            CliTheme::Standard => crate::ui::theme::ThemeName::Standard,
            CliTheme::Projector => crate::ui::theme::ThemeName::Projector,
        }
    }
}
