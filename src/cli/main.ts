import { createWriteStream, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ALL_CHECKS } from '../checks/index.js';
import type { Severity } from '../checks/types.js';
import { resolveConfig } from '../config-file.js';
import { DEFAULT_REPO_TIMEOUT_MS, TOOL_VERSION } from '../engine/audit.js';
import { type RepoReport, type Report, SCHEMA_VERSION } from '../engine/report.js';
import { describeError, UnherdError } from '../errors.js';
import { analysePortfolio } from '../portfolio/index.js';
import { FORMATS, type Format, render, renderBadge } from '../reporters/index.js';
import { explainCheck, findCheck, listChecks } from './checks-commands.js';
import { EXIT_ERROR, EXIT_OK, exitCodeFor, exitTally } from './exit-code.js';
import {
  addInputOptions,
  auditTargets,
  type InputFlags,
  inputArgs,
  type RemoteRunOptions,
  remoteOptions,
  resolveTargets,
} from './inputs.js';
import { createProgress } from './progress.js';

/** What the CLI touches of the outside world, so the whole of it stays in this folder. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Where a config file is looked for; the process's working directory by default. */
  cwd?: string;
}

interface AuditFlags extends InputFlags {
  format: Format;
  failOn?: Severity;
  jobs: number;
  color: boolean;
  output?: string;
  only?: string[];
  skip?: string[];
  quiet?: boolean;
  against?: string;
  config?: string;
  profile?: string[];
  timestamp?: boolean;
  repoTimeout: number;
  /** A path or postgres:// URL; false with --no-db; absent for the default store. */
  db?: string | boolean;
  tag?: string[];
  /** `--queue`: enqueue for `unherd worker` processes (src/cli/queue.ts). */
  queue?: boolean;
  wait?: boolean;
  retries?: number;
  retryDelay?: number;
  lease?: number;
}

function collectTag(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number of seconds (0 for no limit)');
  return n;
}

function codeList(value: string, previous: string[] | undefined): string[] {
  const codes = value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return [...(previous ?? []), ...codes];
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set or --no-color given. */
function useColor(io: CliIo, flags: AuditFlags): boolean {
  if (!flags.color || flags.output !== undefined || flags.format !== 'terminal') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

/** Formats written a repository at a time as each finishes, holding no report in memory. */
const STREAMED_FORMATS: ReadonlySet<Format> = new Set<Format>(['jsonl', 'csv']);

/** Writes to stdout or a file; the promise waits while the reader is behind, so memory stays flat. */
function outputStream(
  io: CliIo,
  file: string | undefined,
): {
  write(text: string): Promise<void>;
  end(): Promise<void>;
} {
  const out: NodeJS.WritableStream = file === undefined ? io.stdout : createWriteStream(file);
  let failed: Error | null = null;
  out.on('error', (err: Error) => {
    failed = err;
  });
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        if (out.write(text)) resolve();
        else out.once('drain', resolve);
      }),
    end: () =>
      file === undefined
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            if (failed) return reject(failed);
            out.once('error', reject);
            out.end(resolve);
          }),
  };
}

/**
 * `--format jsonl` and `--format csv`: each repository is written when it finishes and then
 * dropped, so a cohort of any size audits in flat memory and output starts with the first
 * repository. JSON Lines come in the order of completion with an `index` (the input position);
 * CSV rows keep the input order: a row that finishes early waits, as a line of text, for the
 * rows before it. The portfolio view, which needs every repository at once, is left out.
 */
async function streamAudit(
  io: CliIo,
  targets: Awaited<ReturnType<typeof resolveTargets>>,
  flags: AuditFlags,
  runOptions: Parameters<typeof auditTargets>[1],
  failOn: Severity | null,
  against: { herd: typeof import('./herd.js'); index: ReturnType<OpenIndexForAudit> } | null,
  remote: RemoteRunOptions,
): Promise<number> {
  const { csvColumns, csvHeader, csvRow } = await import('../reporters/csv.js');
  const { renderJsonLine } = await import('../reporters/json.js');
  if (!flags.quiet && (flags.profile !== undefined || (flags.user?.length ?? 0) > 0))
    io.stderr.write(
      `unherd: the portfolio view needs the whole report; it is not part of --format ${flags.format}\n`,
    );
  const out = outputStream(io, flags.output);
  const tally = exitTally(failOn);
  const columns = csvColumns(targets.map((t) => (t.columns ? { columns: t.columns } : undefined)));
  const waiting = new Map<number, string>();
  let nextRow = 0;
  if (flags.format === 'csv') await out.write(csvHeader(columns));
  const progress = createProgress(io.stderr, targets.length, !flags.quiet);
  try {
    await auditTargets(
      targets,
      runOptions,
      remote,
      (p) => progress.update(p),
      async (repo, index) => {
        if (against) await against.herd.attachNeighbours(wrap(repo), against.index);
        tally.add(repo);
        if (flags.format === 'jsonl') return out.write(renderJsonLine(repo, index));
        waiting.set(index, csvRow(columns, repo));
        let ready = '';
        for (let row = waiting.get(nextRow); row !== undefined; row = waiting.get(nextRow)) {
          waiting.delete(nextRow++);
          ready += row;
        }
        if (ready !== '') await out.write(ready);
      },
    );
  } finally {
    progress.stop();
    against?.index.close();
  }
  await out.end();
  if (flags.output !== undefined && !flags.quiet)
    io.stderr.write(`unherd: wrote ${flags.format} report to ${flags.output}\n`);
  return tally.code();
}

type OpenIndexForAudit = typeof import('./herd.js')['openIndexForAudit'];

function wrap(repo: RepoReport): Report {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos: [repo] };
}

async function audit(io: CliIo, paths: string[], flags: AuditFlags): Promise<number> {
  // A bad index fails before the audit's work starts, not after it. The similarity index (and
  // SQLite) is loaded only when asked for: most audits never pay for it.
  const herd = flags.against === undefined ? null : await import('./herd.js');
  const index = herd === null || flags.against === undefined ? null : herd.openIndexForAudit(flags.against);
  const loaded = resolveConfig(flags.config, io.cwd ?? process.cwd());
  if (flags.wait && !flags.queue) throw new UnherdError('USAGE', '--wait goes with --queue');
  const targets = await resolveTargets(inputArgs([...paths, ...(flags.profile ?? [])], flags, io.env));
  if (flags.queue) {
    // The queue (pg-boss, pg) is loaded only when asked for.
    const { auditThroughQueue } = await import('./queue.js');
    const queued = await auditThroughQueue(
      io,
      targets,
      { config: loaded?.config, only: flags.only, skip: flags.skip },
      flags,
    );
    if (queued === null) {
      index?.close();
      return EXIT_OK;
    }
    return finishReport(io, queued, flags, loaded?.failOn ?? null, herd && index ? { herd, index } : null);
  }
  const runOptions = {
    jobs: flags.jobs,
    only: flags.only,
    skip: flags.skip,
    config: loaded?.config,
    repoTimeoutMs: flags.repoTimeout * 1000,
  };
  // The store (SQLite, pg, kysely) is loaded only when recording is on.
  const recording =
    flags.db === false
      ? null
      : await (await import('./record.js')).AuditRecording.open(flags, runOptions, io.env, io.stderr);
  const remote: RemoteRunOptions = { ...remoteOptions(flags, io.env), hooks: recording ?? undefined };
  if (STREAMED_FORMATS.has(flags.format)) {
    const against = herd && index ? { herd, index } : null;
    try {
      return await streamAudit(
        io,
        targets,
        flags,
        runOptions,
        flags.failOn ?? loaded?.failOn ?? null,
        against,
        remote,
      );
    } finally {
      await recording?.close(flags.quiet === true);
    }
  }
  const progress = createProgress(io.stderr, targets.length, !flags.quiet);
  let report: Awaited<ReturnType<typeof auditTargets>>;
  try {
    report = await auditTargets(targets, runOptions, remote, (p) => progress.update(p));
  } finally {
    progress.stop();
    await recording?.close(flags.quiet === true);
  }
  return finishReport(io, report, flags, loaded?.failOn ?? null, herd && index ? { herd, index } : null);
}

/** Neighbours, portfolio, rendering and the exit code: the same for a report made here or by workers. */
async function finishReport(
  io: CliIo,
  report: Report,
  flags: AuditFlags,
  configFailOn: Severity | null,
  against: { herd: typeof import('./herd.js'); index: ReturnType<OpenIndexForAudit> } | null,
): Promise<number> {
  if (against) {
    try {
      await against.herd.attachNeighbours(report, against.index);
    } finally {
      against.index.close();
    }
  }
  if (flags.profile !== undefined || (flags.user?.length ?? 0) > 0)
    report.portfolio = analysePortfolio(report.repos);
  if (flags.timestamp) report.generatedAt = new Date().toISOString();
  const text = render(flags.format, report, { color: useColor(io, flags), width: io.stdout.columns || 100 });
  if (flags.output !== undefined) {
    writeFileSync(flags.output, text);
    if (!flags.quiet) io.stderr.write(`unherd: wrote ${flags.format} report to ${flags.output}\n`);
  } else {
    io.stdout.write(text);
  }
  return exitCodeFor(report, flags.failOn ?? configFailOn);
}

async function badge(io: CliIo, path: string, flags: { out?: string; config?: string; label: string }) {
  const loaded = resolveConfig(flags.config, io.cwd ?? process.cwd());
  const targets = await resolveTargets(inputArgs([path], {}, io.env));
  const report = await auditTargets(targets, { config: loaded?.config }, remoteOptions({}, io.env));
  const repo = report.repos[0];
  if (!repo || repo.error !== null)
    throw new UnherdError('USAGE', `could not audit ${path}: ${repo?.error ?? 'nothing to audit'}`);
  const svg = renderBadge(repo.score, flags.label);
  if (flags.out === undefined) io.stdout.write(svg);
  else writeFileSync(flags.out, svg);
  return EXIT_OK;
}

/** Commands whose modules are light; any other command (or none, for help) loads the herd and blog ones. */
const CORE_COMMANDS = new Set(['audit', 'checks', 'explain', 'badge']);

async function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  command: string | undefined,
): Promise<Command> {
  const program = new Command('unherd')
    .description('Audits data-science portfolio repositories the way a seasoned hiring manager reads them.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run `unherd --help` for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  addInputOptions(program.command('audit'))
    .description('audit repositories: local folders, git URLs, a GitHub user, or a list')
    .argument('[paths...]', 'repository folders or git URLs (https://, ssh://, git@host:path)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('terminal'))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        'high',
        'medium',
        'low',
      ]),
    )
    .option('-j, --jobs <n>', 'repositories audited in parallel', positiveInt, availableParallelism())
    .option('--no-color', 'no colours (also honours NO_COLOR)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--only <codes>', 'run only these checks (comma-separated codes)', codeList)
    .option('--skip <codes>', 'leave out these checks (comma-separated codes)', codeList)
    .option('-q, --quiet', 'no progress bar or notices on stderr')
    .option('--against <index.db>', "report each repository's nearest neighbours in a similarity index")
    .option('--config <file>', 'config file (default: unherd.config.json or .unherdrc.yml in this folder)')
    .option('--profile <dirs...>', "one person's repositories: add the portfolio view")
    .option('--timestamp', 'record the time of the run in the report')
    .option(
      '--db <path|url>',
      'record runs in this audit history: an SQLite file or a postgres:// URL (default: UNHERD_DB, else history.db in your data folder)',
    )
    .option('--no-db', 'record nothing and serve nothing from the audit history')
    .option('--tag <name>', 'label the recorded runs with a cohort or tag (repeatable)', collectTag)
    .option(
      '--repo-timeout <seconds>',
      'time one repository may take before it is reported as an error and the run goes on (0: no limit)',
      seconds,
      DEFAULT_REPO_TIMEOUT_MS / 1000,
    )
    .option('--queue', 'enqueue the audits for `unherd worker` processes (docs/queue.md)')
    .option('--wait', 'with --queue: wait until every audit is done and print the report')
    .addOption(
      new Option('--retries <n>', 'with --queue: retries after a transient failure')
        .argParser(count)
        .hideHelp(),
    )
    .addOption(
      new Option('--retry-delay <seconds>', 'with --queue: first retry delay, doubled each time')
        .argParser(positiveInt)
        .hideHelp(),
    )
    .addOption(
      new Option('--lease <seconds>', 'with --queue: how long a worker may hold a job before it runs again')
        .argParser(positiveInt)
        .hideHelp(),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 the audit ran; 1 a finding at or above --fail-on; 2 usage error, internal error,\nor no repository could be audited.',
    )
    .action(async (paths: string[], flags: AuditFlags) => setExit(await audit(io, paths, flags)));

  program
    .command('checks')
    .description('list every check: code, principle, severity, title')
    .action(() => {
      io.stdout.write(listChecks(ALL_CHECKS));
      setExit(EXIT_OK);
    });

  program
    .command('explain')
    .description("print a check's documentation")
    .argument('<code>', 'check code or name, e.g. NB101')
    .action((code: string) => {
      const check = findCheck(ALL_CHECKS, code);
      if (!check)
        throw new UnherdError('USAGE', `no check called ${code}`, 'run `unherd checks` to list the codes');
      io.stdout.write(explainCheck(check));
      setExit(EXIT_OK);
    });

  program
    .command('badge')
    .description('audit one repository and write an SVG badge with its score')
    .argument('<path>', 'repository folder or git URL')
    .option('--out <file>', 'write the badge to a file instead of stdout')
    .option('--config <file>', 'config file (default: unherd.config.json or .unherdrc.yml in this folder)')
    .option('--label <text>', 'left-hand text of the badge', 'unherd')
    .action(async (path: string, flags: { out?: string; config?: string; label: string }) =>
      setExit(await badge(io, path, flags)),
    );

  // `herd` (similarity, SQLite) and `blog` (prose models) cost a fifth of a start-up to load;
  // an audit, the command people run every day, does not pay for them.
  if (command === undefined || !CORE_COMMANDS.has(command)) {
    const [
      { registerHerdCommands },
      { registerBlogCommands },
      { registerMatchCommand },
      { registerIdeaCommand },
      { registerHistoryCommand },
      { registerWorkerCommand },
      { registerQueueCommands },
    ] = await Promise.all([
      import('./herd.js'),
      import('./blog.js'),
      import('./match.js'),
      import('./idea.js'),
      import('./history.js'),
      import('./worker.js'),
      import('./queue.js'),
    ]);
    registerWorkerCommand(program, io, setExit);
    registerQueueCommands(program, io, setExit);
    registerHerdCommands(program);
    registerBlogCommands(program, setExit);
    registerMatchCommand(program, io, setExit);
    registerIdeaCommand(program, io, setExit);
    registerHistoryCommand(program, io, setExit);
  }
  if (command === undefined || command === 'serve') {
    const { registerServeCommand } = await import('./serve.js');
    registerServeCommand(program, io, setExit);
  }
  return program;
}

/** Runs the CLI and returns the exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = EXIT_OK;
  try {
    const program = await buildProgram(
      io,
      (code) => {
        status = code;
      },
      argv.find((a) => !a.startsWith('-')),
    );
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version exit 0; every usage mistake is 2, not commander's 1.
      return err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    io.stderr.write(`unherd: ${describeError(err)}\n`);
    return EXIT_ERROR;
  }
}

/** Entry point for bin/unherd.js. */
export async function cli(): Promise<void> {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
