/**
 * `datacustoms sbom <sbom>... --advisories <dir|file|zip>`: which SBOM components an OSV advisory
 * affects. See docs/sbom.md.
 */
import type { Command } from 'commander';
import { ExitCode, InputError } from '../../common/errors.js';
import type { CommandModule } from '../command.js';
import { parseFormat, styler } from '../format.js';
import { outputWidth } from '../render/text.js';
import type { LoadedSbom } from '../../sbom/components.js';
import { loadAdvisories } from '../../sbom/osv/load.js';
import { AdvisoryIndex } from '../../sbom/match.js';
import { renderJson, renderText } from '../../sbom/report.js';
import { matchSboms, readSbomFile } from '../../sbom/scan.js';
import { FAIL_ON, failThreshold, severityRank } from '../../sbom/severity.js';

interface Options {
  advisories?: string[];
  format?: string;
  failOn: string;
}

const HELP = `
Reads CycloneDX (JSON or XML, spec 1.2–1.6) and SPDX (JSON or tag-value,
2.2/2.3) SBOMs, maps each component's purl to an OSV package, and evaluates
OSV advisories with each ecosystem's own version order (Maven, npm, PyPI, Go,
RubyGems, NuGet, Pub, Debian/Ubuntu, and SemVer for crates.io/Hex/SwiftURL;
GitHub Actions tags that are SemVer). Other ecosystems' ranges, and versions
an order cannot read, are reported as undecided, never guessed.

Severity: the advisory's database_specific.severity, else the rating of its
CVSS v3/v2 base score, else UNKNOWN. For --fail-on, "any" includes UNKNOWN
and "never" never fails.

Examples:
  # one SBOM against a directory of OSV records (one JSON file each);
  # two of its matches are high, so it exits 1 (--fail-on high)
  $ datacustoms sbom ../shared/data/sbom/dropwizard-1.3.15.cdx.json \\
      --advisories ../shared/data/osv   # exits 1

  # gate CI only on critical findings (exit 1), report everything else
  $ datacustoms sbom ../shared/data/sbom/dropwizard-1.3.15.cdx.json \\
      --advisories ../shared/data/osv --fail-on critical

  # several SBOMs (CycloneDX JSON and XML, SPDX), machine-readable; juice-shop
  # has high matches
  $ datacustoms sbom ../shared/data/sbom/juice-shop-11.1.2.cdx.json \\
      ../shared/data/sbom/postgres-11.15-stretch.syft.cdx.xml \\
      ../shared/data/sbom/trivy-centos-7.spdx.json \\
      --advisories ../shared/data/osv --format json   # exits 1

An OSV export zip (<ecosystem>/all.zip) is read as it is: --advisories
npm-all.zip.

Exit codes: 0 no match at or above --fail-on; 1 some match at or above it;
2 bad input; 3 internal error.
JSON: {"matches":[{"sbom","component","version","advisory","aliases",
"severity","fixed"?}]} (docs/sbom.md).
`;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const command: CommandModule = {
  register(program: Command, ctx) {
    program
      .command('sbom')
      .summary('Match SBOM components against OSV advisories, with each ecosystem’s version order.')
      .description('Match the components of CycloneDX/SPDX SBOMs against OSV advisories, with each ecosystem’s version order.')
      .argument('<sbom...>', 'SBOM files (CycloneDX JSON/XML, SPDX JSON/tag-value)')
      .option('-a, --advisories <path>', 'OSV advisories: a JSON file, a directory of them, or a zip (repeatable; required)', collect)
      .option('-f, --format <format>', 'output format: text or json', 'text')
      .option('--fail-on <severity>', `lowest severity that makes the exit code 1 (${FAIL_ON.join(', ')})`, 'high')
      .addHelpText('after', HELP)
      .action((sboms: string[], opts: Options) => {
        const { io } = ctx;
        const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
        const threshold = failThreshold(opts.failOn);
        const sources = opts.advisories ?? [];
        if (sources.length === 0) {
          throw new InputError({ file: '<argv>', path: '--advisories', message: 'required: an OSV JSON file, a directory of them, or a zip' });
        }
        const progress = (msg: string): void => {
          if (io.isTTY) io.err(`\r\u001b[2K${msg}`);
        };
        progress(`reading advisories from ${sources.join(', ')}…`);
        const set = loadAdvisories(sources);
        const index = new AdvisoryIndex(set.advisories);
        const loaded: LoadedSbom[] = [];
        sboms.forEach((file, i) => {
          progress(`reading SBOM ${i + 1}/${sboms.length}: ${file}…`);
          loaded.push(readSbomFile(file));
        });
        progress('matching…');
        const report = matchSboms(loaded, index);
        progress('');
        io.out(format === 'json' ? renderJson(report) : renderText(report, { styler: styler(io.isTTY), threshold, failOn: opts.failOn, width: outputWidth(io) }));
        if (format === 'json' && report.unscanned.length + report.notEvaluated.length > 0) {
          io.err(
            `note: ${report.unscanned.length} component(s) not looked up, ${report.notEvaluated.length} component/advisory pair(s) undecided ` +
              `(--format text lists them)\n`,
          );
        }
        if (set.withdrawn.length > 0) {
          io.err(`note: ${set.withdrawn.length} withdrawn advisor${set.withdrawn.length === 1 ? 'y' : 'ies'} ignored (${set.withdrawn.slice(0, 5).join(', ')}${set.withdrawn.length > 5 ? ', …' : ''})\n`);
        }
        const blocking = report.matches.some((m) => severityRank(m.severity) >= threshold);
        ctx.setExit(blocking ? ExitCode.findings : ExitCode.ok);
      });
  },
};
