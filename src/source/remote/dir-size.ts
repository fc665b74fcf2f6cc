import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Bytes on disk under a folder, without following symlinks. Stops counting once `stopAt` is
 * passed, so watching a runaway clone costs no more than the cap it is checked against.
 */
export async function dirSize(root: string, stopAt = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const queue = [root];
  while (queue.length > 0 && total <= stopAt) {
    const dir = queue.pop()!;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = await lstat(path).catch(() => null);
      if (!info) continue;
      if (info.isDirectory()) queue.push(path);
      else total += info.size;
      if (total > stopAt) break;
    }
  }
  return total;
}
