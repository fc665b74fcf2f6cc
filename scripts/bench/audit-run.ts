/**
 * Runs the real user path, `node bin/unherd.js audit <dirs…> --format json`, once, and measures its
 * wall time and peak resident memory: GNU time's %M when /usr/bin/time exists (the largest of the
 * process and the git commands it waited for), else the Node process's own maxRSS from an exit hook.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditRun {
  ms: number;
  peakRssKb: number | null;
  rssSource: 'gnu-time' | 'node-maxrss';
  exitCode: number | null;
  reposReported: number;
  reposWithError: number;
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'UNHERD_BENCH_MAXRSS_KB=';
const EXIT_HOOK = `data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(2,"\\n${RSS_MARK}"+process.resourceUsage().maxRSS+"\\n"))`;

export function cliPath(projectRoot: string): string | null {
  const bin = join(projectRoot, 'bin', 'unherd.js');
  return existsSync(bin) && existsSync(join(projectRoot, 'dist', 'cli', 'main.js')) ? bin : null;
}

export async function runAudit(bin: string, dirs: readonly string[], outDir: string): Promise<AuditRun> {
  const output = join(outDir, 'audit.json');
  const rssFile = join(outDir, 'rss.txt');
  rmSync(output, { force: true });
  rmSync(rssFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  // --no-db: the audit itself, never a result served from the audit history of an earlier run.
  const auditArgs = [
    bin,
    'audit',
    ...dirs,
    '--format',
    'json',
    '--output',
    output,
    '--quiet',
    '--no-color',
    '--no-db',
  ];
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...auditArgs]]
    : [process.execPath, ['--import', EXIT_HOOK, ...auditArgs]];
  const started = process.hrtime.bigint();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
    (resolvePromise, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (c: Buffer) => {
        err = (err + c.toString()).slice(-8192);
      });
      child.on('error', reject);
      child.on('close', (exit) => resolvePromise({ code: exit, stderr: err }));
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let peakRssKb: number | null = null;
  if (useTime && existsSync(rssFile)) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const value = Number(lines[lines.length - 1]);
    peakRssKb = Number.isFinite(value) ? value : null;
  } else {
    const mark = stderr.lastIndexOf(RSS_MARK);
    if (mark >= 0) peakRssKb = Number.parseInt(stderr.slice(mark + RSS_MARK.length), 10) || null;
  }
  let reposReported = 0;
  let reposWithError = 0;
  if (existsSync(output)) {
    try {
      const report = JSON.parse(readFileSync(output, 'utf8')) as { repos?: { error: string | null }[] };
      reposReported = report.repos?.length ?? 0;
      reposWithError = report.repos?.filter((r) => r.error !== null).length ?? 0;
    } catch {
      // An unreadable report shows up as zero repositories reported.
    }
  }
  return {
    ms,
    peakRssKb,
    rssSource: useTime ? 'gnu-time' : 'node-maxrss',
    exitCode: code,
    reposReported,
    reposWithError,
    stderrTail: stderr
      .replace(new RegExp(`\\n?${RSS_MARK}\\d+\\n?`), '')
      .trim()
      .slice(-500),
  };
}
