export interface NotebookOutputSummary {
  /** Output types present: stream, execute_result, display_data, error, pyout, pyerr. */
  errors: { ename: string; evalue: string }[];
  images: number;
  /** Image MIME types with their decoded byte sizes (approximate). */
  imageMimes: string[];
  /** Bytes of all outputs of the cell, as stored. */
  bytes: number;
  /** Text outputs that look like warnings (stderr streams). */
  stderr: number;
}

export interface NotebookCell {
  index: number;
  type: 'code' | 'markdown' | 'raw';
  /** Source, capped (see limits); line count is of the full source. */
  source: string;
  lines: number;
  executionCount: number | null;
  outputs: NotebookOutputSummary;
  /** The stored source was cut at MAX_CELL_SOURCE_CHARS (parse errors past the cut mean nothing). */
  truncated?: boolean;
}

export interface Notebook {
  path: string;
  /** nbformat major version (3 or 4), or null when it could not be read. */
  nbformat: number | null;
  /** Lower-case kernel language (`python`, `r`, `julia`); `unknown` when neither stated nor guessable. */
  language: string;
  cells: NotebookCell[];
  /** Cells beyond the per-notebook cap that were not read. */
  cellsDropped?: number;
  /** Set when the file could not be parsed as a notebook; cells are then empty. */
  error?: string;
  /** Bytes of the file on disk. */
  bytes: number;
  /** Bytes of code-cell sources only (what the language mix counts). */
  codeBytes: number;
  /** Title: first Markdown H1 or the file name. */
  title: string;
}

export interface NotebooksFacts {
  notebooks: Notebook[];
}
