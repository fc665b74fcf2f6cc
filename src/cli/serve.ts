import { type Command, InvalidArgumentError } from 'commander';
import { UnherdError } from '../errors.js';
import type { CliIo } from './main.js';

/**
 * `unherd serve`: the dashboard over the store, read-only. The first line of standard output is
 * the address to open, token included (scripts read it); notices go to standard error. Serves until
 * interrupted (SIGINT, SIGTERM), then closes the server and the store and exits 0.
 */

interface ServeFlags {
  db?: string;
  host: string;
  port: number;
  token?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port from 0 to 65535');
  return n;
}

function token(value: string): string {
  if (value.length < 16) throw new InvalidArgumentError('a token needs at least 16 characters');
  return value;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function serveCommand(io: CliIo, flags: ServeFlags): Promise<number> {
  const [{ openDashboardData }, { startDashboard }, { storeTarget }] = await Promise.all([
    import('../store/dashboard-queries.js'),
    import('../server/listen.js'),
    import('./record.js'),
  ]);
  // The same store `audit` records into: --db, else UNHERD_DB, else the embedded default.
  const store = await openDashboardData(storeTarget(flags.db, io.env) ?? undefined, io.env);
  let running: Awaited<ReturnType<typeof startDashboard>>;
  try {
    running = await startDashboard({
      data: store.data,
      host: flags.host,
      port: flags.port,
      token: flags.token,
      onError: (err) => io.stderr.write(`unherd serve: a page failed: ${err.message}\n`),
    });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UnherdError(
        'USAGE',
        `port ${flags.port} is in use`,
        'choose another with --port, or 0 for any',
      );
    throw err;
  }
  io.stdout.write(`${running.url}\n`);
  io.stderr.write(`unherd serve: reading ${store.location}; press Ctrl-C to stop\n`);
  if (!LOOPBACK.has(flags.host)) {
    io.stderr.write(
      `unherd serve: listening on ${flags.host}, reachable from other machines over plain http; anyone with the token can read every report\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  await store.close();
  return 0;
}

export function registerServeCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('a local web dashboard over the store: the cohort, each repository, its history')
    .option(
      '--db <path|url>',
      'the audit history: an SQLite file or a postgres:// URL (default: UNHERD_DB, else history.db in your data folder)',
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', port, 0)
    .option('--token <token>', 'the access token (default: a random one, printed in the address)', token)
    .addHelpText(
      'after',
      '\nThe first line of output is the address to open, token included. Every request needs the token\n(it is swapped for a cookie on first visit). See docs/dashboard.md.',
    )
    .action(async (flags: ServeFlags) => setExit(await serveCommand(io, flags)));
}
