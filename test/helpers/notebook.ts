/** Builders for nbformat documents, so tests describe notebooks instead of pasting JSON. */

export interface CellOptions {
  /** execution_count; null for a cell never run. */
  exec?: number | null;
  outputs?: unknown[];
}

export interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string[];
  metadata: Record<string, unknown>;
  execution_count?: number | null;
  outputs?: unknown[];
}

function splitSource(source: string): string[] {
  const lines = source.split('\n');
  return lines
    .map((line, i) => (i < lines.length - 1 ? `${line}\n` : line))
    .filter((l, i, all) => l !== '' || i < all.length - 1);
}

export function code(source: string, options: CellOptions = {}): Cell {
  return {
    cell_type: 'code',
    source: splitSource(source),
    metadata: {},
    execution_count: options.exec === undefined ? null : options.exec,
    outputs: options.outputs ?? [],
  };
}

export function md(source: string): Cell {
  return { cell_type: 'markdown', source: splitSource(source), metadata: {} };
}

export function streamOutput(text: string, name: 'stdout' | 'stderr' = 'stdout'): unknown {
  return { output_type: 'stream', name, text: [text] };
}

export function errorOutput(ename: string, evalue: string): unknown {
  return { output_type: 'error', ename, evalue, traceback: [`${ename}: ${evalue}`] };
}

/** A tiny valid 1×1 PNG, base64. */
export const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function imageOutput(png = PNG_1PX): unknown {
  return {
    output_type: 'display_data',
    data: { 'image/png': png, 'text/plain': ['<Figure>'] },
    metadata: {},
  };
}

export function resultOutput(text: string, count: number): unknown {
  return {
    output_type: 'execute_result',
    execution_count: count,
    data: { 'text/plain': [text] },
    metadata: {},
  };
}

/** A complete nbformat 4 notebook as a JSON string. */
export function notebook(cells: Cell[], language = 'python'): string {
  return JSON.stringify(
    {
      cells,
      metadata: {
        kernelspec: { name: 'python3', display_name: 'Python 3', language },
        language_info: { name: language },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}
