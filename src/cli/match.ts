import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { UnherdError } from '../errors.js';
import {
  addInputOptions,
  auditTargets,
  type InputFlags,
  inputArgs,
  remoteOptions,
  resolveTargets,
} from './inputs.js';
import type { CliIo } from './main.js';
import { createProgress } from './progress.js';

const MATCH_FORMATS = ['terminal', 'json', 'markdown', 'html', 'csv'] as const;
const AD_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '']);

interface MatchFlags extends InputFlags {
  repos?: string[];
  format: (typeof MATCH_FORMATS)[number];
  output?: string;
  vocabulary?: string[];
  quiet?: boolean;
  color: boolean;
  jobs: number;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Ad arguments as files: a folder stands for the ads in it (text, Markdown, HTML), in name order. */
export function expandAdPaths(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // a missing file is reported as that ad's error
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const files = readdirSync(arg, { withFileTypes: true })
      .filter(
        (d) => d.isFile() && !d.name.startsWith('.') && AD_EXTENSIONS.has(extname(d.name).toLowerCase()),
      )
      .map((d) => join(arg, d.name))
      .sort();
    if (files.length === 0) out.push(arg);
    else out.push(...files);
  }
  return out;
}

function useColor(io: CliIo, flags: MatchFlags): boolean {
  if (!flags.color || flags.output !== undefined || flags.format !== 'terminal') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

async function match(io: CliIo, adArgs: string[], flags: MatchFlags): Promise<number> {
  // Loaded on use, so that `unherd audit` does not pay for the HTML readers.
  const [{ loadVocabulary }, { readAd }, { portfolioFromAudit }, { matchAds }, { renderMatch }] =
    await Promise.all([
      import('../match/vocabulary.js'),
      import('../match/ad/read.js'),
      import('../match/portfolio.js'),
      import('../match/match.js'),
      import('../match/reporters.js'),
    ]);
  const vocabulary = loadVocabulary(flags.vocabulary ?? []);
  const repos = flags.repos ?? [];
  if (repos.length === 0 && (flags.user?.length ?? 0) === 0 && (flags.from?.length ?? 0) === 0) {
    throw new UnherdError(
      'USAGE',
      'no repositories to match against',
      'give --repos <dirs|URLs…>, --user <login> or --from <list>',
    );
  }
  const ads = await Promise.all(expandAdPaths(adArgs).map((p) => readAd(p)));
  const targets = await resolveTargets(inputArgs(repos, flags, io.env));
  const progress = createProgress(io.stderr, targets.length, !flags.quiet);
  let audit: Awaited<ReturnType<typeof auditTargets>>;
  try {
    audit = await auditTargets(targets, { jobs: flags.jobs }, remoteOptions(flags, io.env), (p) =>
      progress.update(p),
    );
  } finally {
    progress.stop();
  }
  const { portfolio, repos: portfolioRepos } = await portfolioFromAudit(audit, vocabulary);
  const report = matchAds(ads, portfolio, portfolioRepos, vocabulary);
  if (!flags.quiet) {
    for (const ad of report.ads) if (ad.error) io.stderr.write(`unherd: ${ad.error}\n`);
    for (const r of portfolioRepos) if (r.error) io.stderr.write(`unherd: ${r.path}: ${r.error}\n`);
  }
  const text = renderMatch(flags.format, report, { color: useColor(io, flags) });
  if (flags.output !== undefined) {
    writeFileSync(flags.output, text);
    if (!flags.quiet) io.stderr.write(`unherd: wrote ${flags.format} match report to ${flags.output}\n`);
  } else io.stdout.write(text);
  if (report.ads.every((a) => a.error !== null))
    throw new UnherdError('USAGE', 'no ad could be read', 'see the reasons above');
  if (portfolioRepos.length > 0 && portfolioRepos.every((r) => r.error !== null))
    throw new UnherdError('USAGE', 'no repository could be audited', 'see the reasons above');
  return 0;
}

/** `unherd match <ad…> --repos …`: which ads to apply to, with evidence from the code. */
export function registerMatchCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addInputOptions(program.command('match'))
    .description('match job ads against your repositories: apply or not, with evidence from the code')
    .argument('<ads...>', 'job ads: text, Markdown or saved HTML pages, or folders of them')
    .option('--repos <dirs...>', 'your repositories: folders or git URLs')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(MATCH_FORMATS).default('terminal'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--vocabulary <file>',
      'extra skills vocabulary (YAML, repeatable; same ids replace bundled ones)',
      collect,
    )
    .option(
      '-j, --jobs <n>',
      'repositories audited in parallel',
      (v) => Math.max(1, Number.parseInt(v, 10) || 1),
      availableParallelism(),
    )
    .option('--no-color', 'no colours (also honours NO_COLOR)')
    .option('-q, --quiet', 'no progress bar or notices on stderr')
    .addHelpText(
      'after',
      '\nExit codes: 0 the match ran; 2 usage error, or no ad or no repository could be read.',
    )
    .action(async (ads: string[], flags: MatchFlags) => setExit(await match(io, ads, flags)));
}
