import { open, readFile, rm } from 'node:fs/promises';
import { UnherdError } from '../../errors.js';

/** Held while one run clones or updates a cache folder; another run waits for it. */
export interface CacheLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<path>` as a lock file holding our pid (created exclusively). A lock left by a process
 * that no longer exists is broken; a live one is waited for until `waitMs`, then a clear error.
 */
export async function acquireLock(path: string, waitMs: number, label: string): Promise<CacheLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new UnherdError(
        'TIMEOUT',
        `another unherd run is still cloning ${label}`,
        `wait for it to finish, or remove ${path} if no other run is going`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
