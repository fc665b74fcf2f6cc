/** Word-wraps plain prose to `width` columns; lines after the first start with `hanging`. */
export function wrap(text: string, width: number, indent = '', hanging = indent): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging;
    }
    line += line.trim() === '' ? word : ` ${word}`;
  }
  if (line.trim() !== '') lines.push(line);
  return lines.join('\n');
}

export function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/**
 * Text from a repository (commit messages, file names, README titles) can carry terminal control
 * sequences that would recolour, move or rewrite the reader's terminal. Every string in the report
 * is made visible before a terminal sees it: control characters become `\xNN`-style escapes.
 */
export function neutraliseControls<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => neutraliseControls(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutraliseControls(v);
    return out as T;
  }
  return value;
}
