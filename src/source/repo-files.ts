import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UnherdError } from '../errors.js';
import type { Limits } from '../limits.js';
import { type DecodedText, decodeText, type TextEncoding } from './text-decoding.js';

export interface TextRead {
  text: string;
  encoding: TextEncoding;
  /** Bytes actually read. */
  bytesRead: number;
  /** The file is longer than what was read. */
  truncated: boolean;
  /** Size of the file on disk. */
  size: number;
}

/**
 * The only door to an audited repository's files. Every read is bounded, never follows a
 * symlink (O_NOFOLLOW on the file, a realpath check on its folder), and is counted against a
 * per-repository byte budget.
 *
 * Reads are synchronous behind async signatures: they are small and bounded (a source file, the
 * first KiB of a data file), and each async call costs a round trip through libuv's thread pool
 * that took longer than the read itself (the five calls of one read were most of the time of
 * copy detection). A FIFO or device cannot block: the file is opened O_NONBLOCK and must be a
 * regular file before anything is read.
 */
export class RepoFiles {
  private bytesBudget: number;

  private constructor(
    readonly root: string,
    readonly limits: Limits,
  ) {
    this.bytesBudget = limits.maxRepoBytes;
  }

  /** Opens a folder for auditing; typed errors for a path that is missing, not a folder, or unreadable. */
  static async open(path: string, limits: Limits): Promise<RepoFiles> {
    let info: Stats;
    try {
      info = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new UnherdError('NOT_FOUND', `No such folder: ${path}`);
      if (code === 'ELOOP') throw new UnherdError('UNREADABLE', `Symlink loop at ${path}`);
      throw new UnherdError('UNREADABLE', `Cannot read ${path}: ${code ?? String(err)}`);
    }
    if (!info.isDirectory()) {
      throw new UnherdError(
        'NOT_A_DIRECTORY',
        `Not a folder: ${path}`,
        'give the folder of a repository, not a file',
      );
    }
    const root = realpathSync.native(path);
    return new RepoFiles(root, limits);
  }

  get bytesLeft(): number {
    return this.bytesBudget;
  }

  /** Absolute path for a repository-relative one; refuses anything that would leave the root. */
  resolve(rel: string): string {
    if (rel === '' || isAbsolute(rel) || rel.split(/[\\/]/).includes('..') || rel.includes('\0')) {
      throw new UnherdError('UNREADABLE', `Refusing path outside the repository: ${JSON.stringify(rel)}`);
    }
    return join(this.root, rel);
  }

  /** lstat without following links; null when missing. */
  async lstat(rel: string): Promise<Stats | null> {
    try {
      return lstatSync(this.resolve(rel));
    } catch {
      return null;
    }
  }

  /** Reads at most `maxBytes` from the start of a file and decodes it as text. */
  async readText(rel: string, maxBytes = this.limits.maxFileBytes): Promise<TextRead> {
    const { bytes, size } = await this.readRange(rel, 0, maxBytes);
    const truncated = size > bytes.length;
    const decoded: DecodedText = decodeText(bytes, truncated);
    return { ...decoded, bytesRead: bytes.length, truncated, size };
  }

  /**
   * The text of a file, for readers that skip what they cannot use: null for a binary file, and null
   * for an unreadable one, whose reason is added to `problems` when given.
   */
  async readTextOrNull(
    rel: string,
    maxBytes: number,
    problems?: { file: string; reason: string }[],
  ): Promise<string | null> {
    try {
      const read = await this.readText(rel, maxBytes);
      return read.encoding === 'binary' ? null : read.text;
    } catch (err) {
      problems?.push({ file: rel, reason: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  /** Reads `length` bytes at `position` (clamped to the file); for headers and footers of data files. */
  async readRange(rel: string, position: number, length: number): Promise<{ bytes: Buffer; size: number }> {
    const abs = this.resolve(rel);
    this.assertInside(abs);
    let fd: number;
    try {
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UnherdError('UNREADABLE', `${rel} is a symlink; not followed`);
      throw new UnherdError('UNREADABLE', `Cannot open ${rel}: ${code ?? String(err)}`);
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) throw new UnherdError('UNREADABLE', `${rel} is not a regular file`);
      const start = Math.max(0, Math.min(position, info.size));
      const want = Math.max(0, Math.min(length, info.size - start, this.bytesBudget));
      if (want <= 0 && info.size - start > 0 && this.bytesBudget <= 0) {
        throw new UnherdError('LIMIT', `Repository read budget of ${this.limits.maxRepoBytes} bytes used up`);
      }
      const bytes = Buffer.allocUnsafe(want);
      let read = 0;
      while (read < want) {
        const bytesRead = readSync(fd, bytes, read, want - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      this.bytesBudget -= read;
      return { bytes: bytes.subarray(0, read), size: info.size };
    } finally {
      closeSync(fd);
    }
  }

  /** A parent folder that is a symlink could point anywhere; check where the file really lives. */
  private assertInside(abs: string): void {
    const parent = dirname(abs);
    if (parent === this.root) return;
    let real: string;
    try {
      real = realpathSync.native(parent);
    } catch (err) {
      throw new UnherdError('UNREADABLE', `Cannot resolve ${relative(this.root, parent)}: ${String(err)}`);
    }
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      throw new UnherdError(
        'UNREADABLE',
        `${relative(this.root, abs)} lies behind a symlink out of the repository`,
      );
    }
  }
}
