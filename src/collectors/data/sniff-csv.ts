import { parse } from 'csv-parse/sync';
import { decodeText } from '../../source/text-decoding.js';

export interface CsvSniff {
  columns?: string[];
  delimiter?: string;
  /** Data rows, only when the whole file was read. */
  rows?: number | null;
  error?: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const HEADER_LINES = 50;

/**
 * Reads a CSV/TSV header from the first bytes of a file. `bytes` is all that was read; `complete`
 * says whether that is the whole file (then rows are counted, else the partial last line is dropped).
 */
export function sniffCsv(bytes: Uint8Array, complete: boolean, preferTab: boolean): CsvSniff {
  const decoded = decodeText(bytes, !complete);
  if (decoded.encoding === 'binary') return { error: 'binary content, not delimited text' };
  let text = decoded.text;
  if (!complete) {
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0) return { error: 'no line break in the first bytes: header is too long to sniff' };
    text = text.slice(0, lastNewline + 1);
  }
  if (text.trim() === '') return { error: 'empty file', rows: 0 };
  const delimiter = detectDelimiter(text, preferTab);
  // Without quotes a record is a line, so rows are counted without parsing every one of them.
  const quoted = text.includes('"');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
      ...(complete && quoted ? {} : { to_line: HEADER_LINES }),
    }) as string[][];
  } catch (err) {
    return { delimiter, error: `cannot parse as delimited text: ${(err as Error).message.split('\n')[0]}` };
  }
  const header = records[0] ?? [];
  return {
    delimiter,
    columns: header.map((c) => c.trim()),
    rows: complete ? Math.max(0, (quoted ? records.length : countNonEmptyLines(text)) - 1) : null,
  };
}

/** The candidate that splits the first lines into the same, largest number of fields. */
function detectDelimiter(text: string, preferTab: boolean): string {
  const lines = text.split('\n', 6).filter((l) => l.trim() !== '');
  let best: string = preferTab ? '\t' : ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = first * consistent + (preferTab && d === '\t' ? 0.5 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

function countNonEmptyLines(text: string): number {
  let count = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    if (line.trim() !== '') count++;
    if (end < 0) return count;
    start = end + 1;
  }
}
