import { spawn } from 'node:child_process';

/** What one git process produced; plain data so it can cross a process boundary. */
export interface SpawnedGit {
  stdout: Buffer;
  stderr: string;
  code: number | null;
  truncated: boolean;
  timedOut: boolean;
  /** git could not be started at all (not installed, not on PATH). */
  spawnError: string | null;
}

export interface SpawnRequest {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
  maxBytes: number;
}

/** Starts git (never through a shell), reads at most `maxBytes` of its output, kills it at the deadline. */
export function spawnGit(request: SpawnRequest): Promise<SpawnedGit> {
  return new Promise((resolve) => {
    const child = spawn('git', [...request.args], {
      cwd: request.cwd,
      env: request.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let timedOut = false;
    let stderr = '';
    let settled = false;
    const finish = (result: Omit<SpawnedGit, 'stdout' | 'stderr' | 'truncated' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(chunks), stderr: stderr.trim(), truncated, timedOut, ...result });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, request.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      size += chunk.length;
      if (size > request.maxBytes) {
        truncated = true;
        chunks.push(chunk.subarray(0, chunk.length - (size - request.maxBytes)));
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => finish({ code: null, spawnError: err.message }));
    child.on('close', (code) => finish({ code: truncated ? 0 : code, spawnError: null }));
  });
}
