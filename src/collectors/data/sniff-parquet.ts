import { parquetMetadataAsync, parquetSchema } from 'hyparquet';
import type { RepoFiles } from '../../source/repo-files.js';

export interface ParquetSniff {
  columns?: string[];
  rows?: number | null;
  error?: string;
}

const MAGIC = 'PAR1';

/**
 * Schema and row count from a Parquet footer. hyparquet reads through an AsyncBuffer whose slices
 * are bounded RepoFiles reads, so only the footer is ever read, however large the file.
 */
export async function sniffParquet(
  files: RepoFiles,
  path: string,
  size: number,
  footerBytes: number,
  maxMetadataBytes: number,
): Promise<ParquetSniff> {
  if (size < 12) return { error: 'too small to be a Parquet file' };
  const head = await files.readRange(path, 0, 4);
  if (head.bytes.toString('latin1') !== MAGIC) return { error: 'does not start with the Parquet magic PAR1' };
  const tail = await files.readRange(path, size - 4, 4);
  if (tail.bytes.toString('latin1') !== MAGIC)
    return { error: 'does not end with PAR1: truncated or not Parquet' };
  const buffer = {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      if (end - start > maxMetadataBytes) {
        throw new Error(`footer of ${end - start} bytes is larger than the ${maxMetadataBytes}-byte limit`);
      }
      const { bytes } = await files.readRange(path, start, end - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
    },
  };
  try {
    const metadata = await parquetMetadataAsync(buffer, { initialFetchSize: Math.min(footerBytes, size) });
    const schema = parquetSchema(metadata);
    return {
      columns: schema.children.map((c) => c.element.name),
      rows: Number(metadata.num_rows),
    };
  } catch (err) {
    return { error: `unreadable Parquet footer: ${(err as Error).message}` };
  }
}
