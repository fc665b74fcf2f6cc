import { type Command, InvalidArgumentError, Option } from 'commander';
import { TOOL_VERSION } from '../engine/audit.js';
import type { Report } from '../engine/report.js';
import { UnherdError } from '../errors.js';
import { capstonesOf } from '../herd/similarity/capstones.js';
import { expandRepoDirs, profileCohort } from '../herd/similarity/cohort.js';
import {
  baseFingerprints,
  type CopyPair,
  compareCohort,
  DEFAULT_COPY_THRESHOLD,
} from '../herd/similarity/copies.js';
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
  /** The course material given with `--base`: its folders and how many fingerprints it holds. */
  base?: { dirs: string[]; fingerprints: number };
  pairs: CopyPair[];
  /** With `--base`: pairs alike only through shared starter code, so not copies. */
  starterOnly?: CopyPair[];
  failures: { path: string; reason: string }[];
}

function starterLine(pair: CopyPair): string | null {
  if (!pair.starter) return null;
  const course = pair.starter.capstone ? ` of the ${pair.starter.capstone} capstone` : '';
  const n = pair.starter.passages.length;
  return `shared starter code${course}, not copying: ${n} passage${n === 1 ? '' : 's'}; ${pair.starter.withStarter.toFixed(2)} with it counted, ${pair.similarity.toFixed(2)} without`;
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
  if (out.base) {
    const base = `Starter code left out: ${out.base.dirs.join(', ')} (${out.base.fingerprints} fingerprints)`;
    lines.push(md ? `${base}\n` : base, '');
  }
  for (const pair of out.pairs) {
    const starter = starterLine(pair);
    if (md) {
      lines.push(`## ${pair.a} ↔ ${pair.b}: ${pair.similarity.toFixed(2)}\n`);
      if (starter) lines.push(`${starter[0]!.toUpperCase()}${starter.slice(1)}.\n`);
      lines.push(`| ${pair.a} | ${pair.b} |`, '| --- | --- |');
      for (const p of pair.passages) lines.push(`| ${where(p.a)} | ${where(p.b)} |`);
      lines.push('');
    } else {
      lines.push(`${pair.similarity.toFixed(2)}  ${pair.a}  ↔  ${pair.b}`);
      if (starter) lines.push(`      ${starter}`);
      for (const p of pair.passages) lines.push(`      ${where(p.a)}  ↔  ${where(p.b)}`);
      lines.push('');
    }
  }
  if (out.starterOnly && out.starterOnly.length > 0) {
    lines.push(md ? '## Shared starter code, not copies\n' : 'Shared starter code, not copies:');
    for (const pair of out.starterOnly) {
      lines.push(`${md ? '- ' : '  '}${pair.a} ↔ ${pair.b}: ${starterLine(pair)}`);
    }
    lines.push('');
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
    .option(
      '-b, --base <dirs...>',
      'folders of starter code or course material to leave out of the comparison, as MOSS base files',
    )
    .action(async (dirs: string[], flags: { format: CopyFormat; threshold: number; base?: string[] }) => {
      const paths = expandRepoDirs(dirs);
      const { profiles, failures } = await profileCohort(paths, { collectors: CODE_COLLECTORS });
      if (profiles.length === 0)
        throw new UnherdError(
          'NOT_FOUND',
          'No repository could be read',
          failures.map((f) => `${f.path}: ${f.reason}`).join('; '),
        );
      const base = flags.base ? await readBase(flags.base) : undefined;
      const found = compareCohort(profiles, flags.threshold, { base: base?.fingerprints });
      if (base) await nameCapstones([...found.pairs, ...found.starterOnly]);
      write(
        renderCopies(
          {
            threshold: flags.threshold,
            repos: profiles.length,
            ...(base ? { base: { dirs: base.dirs, fingerprints: base.fingerprints.size } } : {}),
            pairs: found.pairs,
            ...(base ? { starterOnly: found.starterOnly } : {}),
            failures,
          },
          flags.format,
        ),
      );
    });
}

/** The course material given with `--base`: every folder must be readable, or the run stops. */
async function readBase(dirs: readonly string[]): Promise<{ dirs: string[]; fingerprints: Set<number> }> {
  const { profiles, failures } = await profileCohort(dirs, { collectors: CODE_COLLECTORS });
  if (failures.length > 0) {
    throw new UnherdError(
      'NOT_FOUND',
      `--base: could not read ${failures.map((f) => `${f.path} (${f.reason})`).join(', ')}`,
      'give folders that hold the starter code',
    );
  }
  return { dirs: [...dirs], fingerprints: baseFingerprints(profiles) };
}

/**
 * Names the capstone both repositories of a pair match, when they share starter code: then the
 * shared code is the course's, which is what the report says. Only paired repositories are read.
 */
async function nameCapstones(pairs: CopyPair[]): Promise<void> {
  const cache = new Map<string, Promise<string[]>>();
  const of = (path: string) => {
    const known = cache.get(path);
    if (known) return known;
    const got = capstonesOf(path);
    cache.set(path, got);
    return got;
  };
  for (const pair of pairs) {
    if (!pair.starter) continue;
    const [a, b] = await Promise.all([of(pair.a), of(pair.b)]);
    const same = a.find((id) => b.includes(id));
    if (same) pair.starter.capstone = same;
  }
}

/** Opens the index given to `audit --against`; every problem with it is a typed error. */
export function openIndexForAudit(path: string): SimilarityIndex {
  return SimilarityIndex.open(path);
}
