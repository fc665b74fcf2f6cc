import { type Command, InvalidArgumentError, Option } from 'commander';
import { TOOL_VERSION } from '../engine/audit.js';
import type { Report } from '../engine/report.js';
import { UnherdError } from '../errors.js';
import { expandRepoDirs, profileCohort } from '../herd/similarity/cohort.js';
import { type CopyPair, DEFAULT_COPY_THRESHOLD, findCopies } from '../herd/similarity/copies.js';
import { DEFAULT_NEIGHBOUR_THRESHOLD, SimilarityIndex, writeIndex } from '../herd/similarity/index-db.js';
import { CODE_COLLECTORS, profileRepo } from '../herd/similarity/profile.js';
import type { Span } from '../herd/similarity/types.js';

const COPY_FORMATS = ['terminal', 'json', 'markdown'] as const;
type CopyFormat = (typeof COPY_FORMATS)[number];

function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

interface CopiesOutput {
  threshold: number;
  repos: number;
  pairs: CopyPair[];
  failures: { path: string; reason: string }[];
}

function where(span: Span): string {
  const cell = span.cell === undefined ? '' : ` cell ${span.cell + 1}`;
  const lines =
    span.startLine === span.endLine ? `line ${span.startLine}` : `lines ${span.startLine}–${span.endLine}`;
  return `${span.file}${cell} ${lines}`;
}

export function renderCopies(out: CopiesOutput, format: CopyFormat): string {
  if (format === 'json') return `${JSON.stringify(out, null, 2)}\n`;
  const lines: string[] = [];
  const md = format === 'markdown';
  const head = `${out.pairs.length} near-cop${out.pairs.length === 1 ? 'y' : 'ies'} among ${out.repos} repositories (similarity ≥ ${out.threshold})`;
  lines.push(md ? `# Near-copies\n\n${head}\n` : `${head}\n`);
  for (const pair of out.pairs) {
    if (md) {
      lines.push(`## ${pair.a} ↔ ${pair.b}: ${pair.similarity.toFixed(2)}\n`);
      lines.push(`| ${pair.a} | ${pair.b} |`, '| --- | --- |');
      for (const p of pair.passages) lines.push(`| ${where(p.a)} | ${where(p.b)} |`);
      lines.push('');
    } else {
      lines.push(`${pair.similarity.toFixed(2)}  ${pair.a}  ↔  ${pair.b}`);
      for (const p of pair.passages) lines.push(`      ${where(p.a)}  ↔  ${where(p.b)}`);
      lines.push('');
    }
  }
  if (out.failures.length > 0) {
    lines.push(md ? '## Not read\n' : 'Not read:');
    for (const f of out.failures) lines.push(`${md ? '- ' : '  '}${f.path}: ${f.reason}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Adds each repository's nearest neighbours in a reference index to an audit report. The index is
 * opened by the caller first, so a bad index fails before the audit starts. A repository that
 * cannot be profiled gets an `error` in its neighbours entry; the others go on.
 */
export async function attachNeighbours(
  report: Report,
  index: SimilarityIndex,
  threshold = DEFAULT_NEIGHBOUR_THRESHOLD,
): Promise<void> {
  for (const repo of report.repos) {
    if (repo.error !== null) continue;
    const got = await profileRepo(repo.path);
    if (!got.ok) {
      repo.neighbours = {
        index: index.path,
        compared: index.size,
        herdLikeness: { overall: 0, code: 0, dataset: 0, topic: 0, stack: 0 },
        nearest: [],
        error: got.reason,
      };
      continue;
    }
    repo.neighbours = index.neighbours(got.profile, { threshold });
  }
}

/** `unherd herd index` and `unherd herd copies`. Output goes through the program's own writers. */
export function registerHerdCommands(program: Command): void {
  const write = (s: string) => program.configureOutput().writeOut?.(s);
  const note = (s: string) => program.configureOutput().writeErr?.(s);
  const herd = program
    .command('herd')
    .description('the similarity index and copy detection across repositories');

  herd
    .command('index')
    .description('build a reference similarity index (one SQLite file) from repositories')
    .argument('<dirs...>', 'repository folders, or folders holding repository folders')
    .requiredOption('-o, --out <file>', 'index file to write (replaced if it exists)')
    .option('-q, --quiet', 'no notices on stderr')
    .action(async (dirs: string[], flags: { out: string; quiet?: boolean }) => {
      const paths = expandRepoDirs(dirs);
      const { profiles, failures } = await profileCohort(paths);
      for (const f of failures) note(`unherd: not indexed: ${f.path}: ${f.reason}\n`);
      if (profiles.length === 0)
        throw new UnherdError(
          'NOT_FOUND',
          'No repository could be read; nothing indexed',
          'check the paths given',
        );
      const stats = writeIndex(flags.out, profiles, `unherd ${TOOL_VERSION}`);
      write(
        `Indexed ${stats.repos} of ${paths.length} repositories (${stats.fingerprints} fingerprints) into ${flags.out} (${formatBytes(stats.bytes)})\n`,
      );
    });

  herd
    .command('copies')
    .description('list pairs of repositories in a cohort that are near-copies, with the shared passages')
    .argument('<dirs...>', 'repository folders, or folders holding repository folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(COPY_FORMATS).default('terminal'))
    .option(
      '-t, --threshold <x>',
      'least similarity (0–1) to report a pair',
      fraction,
      DEFAULT_COPY_THRESHOLD,
    )
    .action(async (dirs: string[], flags: { format: CopyFormat; threshold: number }) => {
      const paths = expandRepoDirs(dirs);
      const { profiles, failures } = await profileCohort(paths, { collectors: CODE_COLLECTORS });
      if (profiles.length === 0)
        throw new UnherdError(
          'NOT_FOUND',
          'No repository could be read',
          failures.map((f) => `${f.path}: ${f.reason}`).join('; '),
        );
      const pairs = findCopies(profiles, flags.threshold);
      write(
        renderCopies({ threshold: flags.threshold, repos: profiles.length, pairs, failures }, flags.format),
      );
    });
}

/** Opens the index given to `audit --against`; every problem with it is a typed error. */
export function openIndexForAudit(path: string): SimilarityIndex {
  return SimilarityIndex.open(path);
}
