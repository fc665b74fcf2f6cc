import { type Command, InvalidArgumentError, Option } from 'commander';
import type { AuditOptions } from '../engine/audit.js';
import { TOOL_VERSION } from '../engine/audit.js';
import { type Report, SCHEMA_VERSION } from '../engine/report.js';
import { UnherdError } from '../errors.js';
import {
  connectQueue,
  DEFAULT_RETRY,
  type Enqueued,
  type EnqueueState,
  enqueue,
  isPostgresUrl,
  type QueueStatus,
  queueStatus,
  type RetryPolicy,
  reportsFor,
  waitForJobs,
} from '../queue/index.js';
import { openQueueResults } from '../store/queue-support.js';
import type { AuditTarget } from './inputs.js';
import { createProgress } from './progress.js';

/** Where the queue's background database errors go: one line each on stderr, never a crash. */
export function reportDbError(stderr: NodeJS.WriteStream, quiet = false): (err: Error) => void {
  let last = '';
  return (err) => {
    const line = `unherd: database: ${err.message}`;
    if (quiet || line === last) return;
    last = line;
    stderr.write(`${line}\n`);
  };
}

/** The --db a queue command was given, refused unless it is PostgreSQL. */
export function queueDatabase(db: string | undefined, command: string): string {
  if (db === undefined) {
    throw new UnherdError(
      'USAGE',
      `${command} needs --db postgres://…`,
      'the queue lives in the team’s PostgreSQL',
    );
  }
  if (!isPostgresUrl(db)) {
    throw new UnherdError(
      'USAGE',
      `${command} needs a PostgreSQL database, not ${db}`,
      'several machines cannot share an SQLite file; give --db postgres://user@host/database',
    );
  }
  return db;
}

export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds above 0');
  return n;
}

/** The flags `audit --queue` adds to `audit`. */
export interface QueueAuditFlags {
  queue?: boolean;
  wait?: boolean;
  /** A postgres:// URL for the queue; `audit`'s --db (false with --no-db). */
  db?: string | boolean;
  /** `audit`'s repeatable --tag; the queue takes one cohort per enqueue. */
  tag?: string[];
  retries?: number;
  retryDelay?: number;
  lease?: number;
  quiet?: boolean;
  format: string;
}

const STATE_WORDS: Record<EnqueueState, string> = {
  queued: 'queued',
  'already-queued': 'already queued',
  requeued: 'queued again',
  recorded: 'already recorded',
  invalid: 'not enqueued',
};

function describeEnqueued(enqueued: readonly Enqueued[], format: string): string {
  const counts = Object.fromEntries(
    (Object.keys(STATE_WORDS) as EnqueueState[]).map((s) => [
      s,
      enqueued.filter((e) => e.state === s).length,
    ]),
  ) as Record<EnqueueState, number>;
  if (format === 'json') {
    const out = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'unherd', version: TOOL_VERSION },
      counts,
      enqueued: enqueued.map((e) => ({
        input: e.target.path,
        state: e.state,
        jobId: e.jobId,
        commit: e.key?.commit ?? null,
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      })),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  }
  const lines = [
    `${counts.queued} audit(s) queued, ${counts['already-queued']} already queued, ${counts.requeued} queued again after failing, ${counts.recorded} already recorded, ${counts.invalid} not enqueued`,
  ];
  const width = Math.max(...Object.values(STATE_WORDS).map((w) => w.length));
  for (const e of enqueued) {
    const reason = e.reason === undefined ? '' : `: ${e.reason}`;
    lines.push(`  ${STATE_WORDS[e.state].padEnd(width)}  ${e.target.path}${reason}`);
  }
  lines.push('Run `unherd queue status --db …` to follow them, or enqueue again with --wait.');
  return `${lines.join('\n')}\n`;
}

function retryPolicy(flags: QueueAuditFlags): RetryPolicy {
  return {
    retryLimit: flags.retries ?? DEFAULT_RETRY.retryLimit,
    retryDelaySeconds: flags.retryDelay ?? DEFAULT_RETRY.retryDelaySeconds,
    leaseSeconds: flags.lease ?? DEFAULT_RETRY.leaseSeconds,
  };
}

/**
 * `audit --queue`: enqueue every target; without --wait print what was enqueued and return null;
 * with --wait follow the jobs with the progress bar and return the Report `audit` would print.
 */
export async function auditThroughQueue(
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
  targets: readonly AuditTarget[],
  audit: AuditOptions,
  flags: QueueAuditFlags,
): Promise<Report | null> {
  const url = queueDatabase(typeof flags.db === 'string' ? flags.db : undefined, 'audit --queue');
  if ((flags.tag?.length ?? 0) > 1) {
    throw new UnherdError('USAGE', 'audit --queue takes one --tag', 'enqueue each cohort on its own');
  }
  const tag = flags.tag?.[0] ?? null;
  const onError = reportDbError(io.stderr, flags.quiet);
  const store = await openQueueResults(url);
  try {
    const queue = await connectQueue(url, { supervise: false, poolSize: 2, onError });
    try {
      const lookups = createProgress(io.stderr, targets.length, !flags.quiet);
      let enqueued: Enqueued[];
      try {
        enqueued = await enqueue(queue, store, targets, {
          audit,
          tag,
          retry: retryPolicy(flags),
          onProgress: (done, total) => lookups.update({ done, total, path: 'reading commits' }),
        });
      } finally {
        lookups.stop();
      }
      if (!flags.wait) {
        io.stdout.write(describeEnqueued(enqueued, flags.format));
        return null;
      }
      const progress = createProgress(io.stderr, enqueued.length, !flags.quiet);
      let states: Awaited<ReturnType<typeof waitForJobs>>;
      try {
        states = await waitForJobs(queue, enqueued, {
          pollIntervalMs: 1000,
          onProgress: (done, total, last) => progress.update({ done, total, path: last }),
        });
      } finally {
        progress.stop();
      }
      const repos = await reportsFor(store, enqueued, states);
      return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos };
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}

function renderStatus(status: QueueStatus, format: 'terminal' | 'json'): string {
  if (format === 'json') {
    const { queued, active, done, failed, deadLetter, tags } = status;
    return `${JSON.stringify(
      {
        queued,
        active,
        done,
        failed,
        deadLetter: deadLetter.map((d) => ({ input: d.input, reason: d.reason, tag: d.tag })),
        tags,
      },
      null,
      2,
    )}\n`;
  }
  const row = (label: string, c: { queued: number; active: number; done: number; failed: number }) =>
    `${label.padEnd(24)} ${String(c.queued).padStart(7)} ${String(c.active).padStart(7)} ${String(c.done).padStart(7)} ${String(c.failed).padStart(7)}`;
  const lines = [
    `${'cohort'.padEnd(24)} ${'queued'.padStart(7)} ${'active'.padStart(7)} ${'done'.padStart(7)} ${'failed'.padStart(7)}`,
  ];
  for (const t of status.tags) lines.push(row(t.tag === '' ? '(no tag)' : t.tag, t));
  lines.push(row('all', status));
  if (status.deadLetter.length > 0) {
    lines.push('', `Could not be audited (${status.deadLetter.length}):`);
    for (const d of status.deadLetter) lines.push(`  ${d.input}${d.tag ? ` [${d.tag}]` : ''}: ${d.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `unherd queue status`. */
export function registerQueueCommands(
  program: Command,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
  setExit: (code: number) => void,
): void {
  const queue = program.command('queue').description('the queue of distributed audits (see docs/queue.md)');
  queue
    .command('status')
    .description('queued, active, done and failed audits, per cohort, and what could not be audited')
    .requiredOption('--db <url>', 'the PostgreSQL database the workers share (postgres://…)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'),
    )
    .action(async (flags: { db: string; format: 'terminal' | 'json' }) => {
      const url = queueDatabase(flags.db, 'queue status');
      const conn = await connectQueue(url, {
        supervise: false,
        poolSize: 2,
        onError: reportDbError(io.stderr),
      });
      try {
        io.stdout.write(renderStatus(await queueStatus(conn), flags.format));
      } finally {
        await conn.close();
      }
      setExit(0);
    });
}
