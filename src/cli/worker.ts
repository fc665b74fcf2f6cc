import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_REPO_TIMEOUT_MS } from '../engine/audit.js';
import { connectQueue, startWorker, type WorkerEvent } from '../queue/index.js';
import { defaultCacheDir } from '../source/remote/clone-cache.js';
import { openQueueResults } from '../store/queue-support.js';
import { EXIT_OK } from './exit-code.js';
import { queueDatabase, reportDbError, seconds } from './queue.js';

interface WorkerFlags {
  db?: string;
  concurrency: number;
  poll: number;
  grace: number;
  maintenance: number;
  allowHttp?: boolean;
  allowLocal?: string[];
  cacheDir?: string;
  cloneTimeout?: number;
  maxCloneSize?: number;
  repoTimeout: number;
  quiet?: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function describe(event: WorkerEvent): string {
  switch (event.type) {
    case 'recorded': {
      const t = event.timings;
      const ms = (n: number) => n.toFixed(1);
      return `recorded ${event.input} (${event.key.commit?.slice(0, 10) ?? 'no commit'}) in ${Math.round(event.ms)} ms: fetch ${ms(t.fetch)}, source ${ms(t.source)}, audit ${ms(t.audit)}, record ${ms(t.record)}, complete ${ms(t.complete)}`;
    }
    case 'cached':
      return `already recorded ${event.input} (${event.key.commit?.slice(0, 10) ?? 'no commit'})`;
    case 'failed':
      return event.final
        ? `gave up on ${event.input} (attempt ${event.attempt} of ${event.attempts}): ${event.reason}`
        : `will retry ${event.input} (attempt ${event.attempt} of ${event.attempts} failed): ${event.reason}`;
    case 'lost':
      return `dropped the result for ${event.input}: ${event.reason}`;
    case 'returned':
      return `handed back ${event.input} for another worker`;
    case 'error':
      return event.message;
  }
}

async function runWorker(
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv },
  flags: WorkerFlags,
): Promise<number> {
  const url = queueDatabase(flags.db, 'worker');
  const log = (line: string) => {
    if (!flags.quiet) io.stderr.write(`unherd worker: ${line}\n`);
  };
  const onError = reportDbError(io.stderr, flags.quiet);
  const store = await openQueueResults(url);
  const queue = await connectQueue(url, {
    supervise: true,
    maintenanceIntervalSeconds: flags.maintenance,
    poolSize: flags.concurrency + 2,
    onError,
  }).catch(async (err) => {
    await store.close();
    throw err;
  });
  const worker = startWorker(queue, store, {
    concurrency: flags.concurrency,
    pollIntervalMs: flags.poll * 1000,
    graceMs: flags.grace * 1000,
    allowHttp: flags.allowHttp === true,
    localRoots: (flags.allowLocal ?? []).map((d) => resolve(d)),
    repoTimeoutMs: flags.repoTimeout * 1000,
    clone: {
      cacheDir: resolve(flags.cacheDir ?? defaultCacheDir(io.env)),
      timeoutMs: flags.cloneTimeout === undefined ? undefined : flags.cloneTimeout * 1000,
      maxBytes: flags.maxCloneSize === undefined ? undefined : flags.maxCloneSize * 1024 * 1024,
    },
    onEvent: (event) => log(describe(event)),
  });
  log(`ready: ${flags.concurrency} at a time, pid ${process.pid}`);

  // SIGTERM (systemd, docker stop, Kubernetes) and Ctrl-C: stop taking jobs, finish those in hand
  // within --grace, hand back the rest. A second signal hands them back at once.
  let signals = 0;
  const onSignal = (name: string) => {
    signals += 1;
    if (signals === 1) {
      log(`${name}: finishing the jobs in hand (up to ${flags.grace} s), taking no new ones`);
      void worker.stop();
    } else {
      log(`${name} again: exiting now; jobs in hand run again after their lease`);
      process.exit(130);
    }
  };
  const onTerm = () => onSignal('SIGTERM');
  const onInt = () => onSignal('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    const summary = await worker.done;
    log(
      `stopped: ${summary.recorded} recorded, ${summary.cached} already recorded, ${summary.failed} failed, ${summary.returned} handed back`,
    );
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    await queue.close();
    await store.close();
  }
  return EXIT_OK;
}

/** `unherd worker`: takes audits from the queue until SIGTERM. */
export function registerWorkerCommand(
  program: Command,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv },
  setExit: (code: number) => void,
): void {
  program
    .command('worker')
    .description('take audits from the queue and record their results, until SIGTERM (see docs/queue.md)')
    .requiredOption('--db <url>', 'the PostgreSQL database the queue and the results live in (postgres://…)')
    .option('--concurrency <n>', 'audits at once (one thread each)', positiveInt, availableParallelism())
    .option('--poll <seconds>', 'how often an idle worker asks for work', seconds, 2)
    .option(
      '--grace <seconds>',
      'on SIGTERM, how long jobs in hand may take before they are handed back',
      seconds,
      60,
    )
    .option('--maintenance <seconds>', 'how often expired leases are looked for', positiveInt, 60)
    .option('--allow-http', 'accept plain http:// remotes (a git server on your own network)')
    .option(
      '--allow-local <dir>',
      'audit local folders under this one (repeatable; none by default)',
      collect,
    )
    .option('--cache-dir <dir>', 'where clones are kept (default $XDG_CACHE_HOME/unherd or ~/.cache/unherd)')
    .option('--clone-timeout <seconds>', 'time one clone may take', seconds)
    .option('--max-clone-size <MB>', 'disk space one clone may take', seconds)
    .option('--repo-timeout <seconds>', 'time one audit may take', seconds, DEFAULT_REPO_TIMEOUT_MS / 1000)
    .option('-q, --quiet', 'no log lines on stderr')
    .action(async (flags: WorkerFlags) => setExit(await runWorker(io, flags)));
}
