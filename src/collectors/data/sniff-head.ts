import type { DataFormat } from './types.js';

/** Bytes read from the start of every data file: enough for a Git LFS pointer and any magic number. */
export const HEAD_BYTES = 512;

const LFS_SPEC = 'version https://git-lfs.github.com/spec/v1';
/** Unlocked git-annex files hold a pointer path instead of the content. */
const ANNEX_POINTER = /^\/annex\/objects\/|\.git\/annex\/objects\//;

export function pointerKind(head: Uint8Array, size: number): 'git-lfs' | 'git-annex' | null {
  if (size > 1024) return null;
  const text = Buffer.from(head).toString('latin1');
  if (text.startsWith(LFS_SPEC)) return 'git-lfs';
  if (ANNEX_POINTER.test(text.trim())) return 'git-annex';
  return null;
}

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const HDF5 = [0x89, 0x48, 0x44, 0x46];
const NPY = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const GZIP = [0x1f, 0x8b];
const SQLITE = [...Buffer.from('SQLite format 3\0', 'latin1')];

/**
 * A format whose first bytes are fixed, checked against them; returns why the file cannot be what
 * its name says, or null. Formats without a reliable signature (pickle protocol 0, images, audio)
 * are not judged here.
 */
export function magicMismatch(
  format: DataFormat,
  ext: string,
  head: Uint8Array,
  size: number,
): string | null {
  if (size === 0) return 'empty file';
  const firstText = Buffer.from(head.subarray(0, 64)).toString('latin1').trimStart();
  switch (format) {
    case 'excel':
      if (ext === 'xlsx' || ext === 'xlsm' || ext === 'ods')
        return startsWith(head, ZIP) ? null : `.${ext} is not a zip container: not a real workbook`;
      if (ext === 'xls')
        return startsWith(head, OLE) || startsWith(head, ZIP) ? null : '.xls is not an Excel workbook';
      return null;
    case 'hdf5':
      return startsWith(head, HDF5) ? null : 'no HDF5 signature';
    case 'npy':
      if (ext === 'npz')
        return startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY) ? null : '.npz is not a zip';
      return startsWith(head, NPY) ? null : 'no NumPy .npy signature';
    case 'sqlite':
      if (ext === 'db') return null; // .db is used by many tools, not only SQLite
      return startsWith(head, SQLITE) ? null : 'no SQLite signature';
    case 'json':
      if (head[0] === 0xef || head[0] === 0xff || head[0] === 0xfe) return null; // BOM: decoded elsewhere
      return /^[[{]/.test(firstText) ? null : 'does not start like JSON ({ or [)';
    case 'archive':
      if (ext === 'zip')
        return startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY) ? null : '.zip is not a zip';
      if (ext === 'gz' || ext === 'tgz') return startsWith(head, GZIP) ? null : '.gz is not gzip';
      return null;
    default:
      return null;
  }
}
