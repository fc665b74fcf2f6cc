import { type ChildProcess, fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpawnedGit, SpawnRequest } from './git-spawn.js';

interface Pending {
  resolve(result: SpawnedGit): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** One broker process per thread, started on first use; null once it failed (git is then spawned directly). */
let broker: { child: ChildProcess; pending: Map<number, Pending>; nextId: number } | null | undefined;

function childUrl(): URL {
  const ext = extname(fileURLToPath(import.meta.url)) || '.js';
  return new URL(`./git-broker-child${ext}`, import.meta.url);
}

function start(): typeof broker {
  try {
    const child = fork(fileURLToPath(childUrl()), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // Under tsx (tests) the child needs the same loader; from dist execArgv is empty.
      execArgv: process.execArgv,
    });
    const state = { child, pending: new Map<number, Pending>(), nextId: 1 };
    child.on('message', (message: { id: number; result: SpawnedGit }) => {
      const entry = state.pending.get(message.id);
      if (!entry) return;
      state.pending.delete(message.id);
      clearTimeout(entry.timer);
      // Buffers arrive as Uint8Array views after the advanced serialisation.
      entry.resolve({ ...message.result, stdout: Buffer.from(message.result.stdout) });
      if (state.pending.size === 0) idle(state.child);
    });
    const fail = (why: string) => {
      broker = null;
      for (const entry of state.pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(new Error(why));
      }
      state.pending.clear();
    };
    child.on('error', (err) => fail(`the git broker failed: ${err.message}`));
    child.on('exit', (code) => fail(`the git broker exited (${code})`));
    idle(child);
    return state;
  } catch {
    return null;
  }
}

/** An idle broker must not keep the program alive; a busy one must. */
function idle(child: ChildProcess): void {
  child.unref();
  (child as unknown as { channel?: { unref(): void } }).channel?.unref();
}

function busy(child: ChildProcess): void {
  child.ref();
  (child as unknown as { channel?: { ref(): void } }).channel?.ref();
}

/**
 * Runs git through the broker process; resolves null when no broker can be used, so the caller
 * spawns git itself. The broker applies the same timeout and byte cap as a direct spawn.
 */
export function spawnThroughBroker(request: SpawnRequest): Promise<SpawnedGit> | null {
  if (broker === undefined) broker = start();
  const state = broker;
  if (!state?.child.connected) return null;
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    // The broker enforces the timeout; this one only guards against a broker that stopped answering.
    const timer = setTimeout(() => {
      state.pending.delete(id);
      reject(new Error('the git broker did not answer'));
    }, request.timeoutMs + 10_000);
    state.pending.set(id, { resolve, reject, timer });
    busy(state.child);
    state.child.send({ id, request });
  });
}

/** Stops the broker (tests; a later request starts a new one). */
export function stopBroker(): void {
  if (broker) broker.child.kill();
  broker = undefined;
}
