import { describeError } from '../../errors.js';
import type { RepoFiles } from '../../source/repo-files.js';

/** Config files are small; anything larger is read up to this and judged on what was read. */
const CONFIG_BYTES = 256 * 1024;

export interface Problems {
  add(file: string, message: string): void;
}

/** Reads a config file as text; a binary or unreadable file becomes a recorded problem and null. */
export async function readConfig(files: RepoFiles, path: string, problems: Problems): Promise<string | null> {
  try {
    const read = await files.readText(path, CONFIG_BYTES);
    if (read.encoding === 'binary') {
      problems.add(path, 'binary content where a text file was expected');
      return null;
    }
    return read.text;
  } catch (err) {
    problems.add(path, describeError(err));
    return null;
  }
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
