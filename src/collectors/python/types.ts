/** Where a piece of Python came from: a `.py` file, or a notebook code cell (0-based cell index). */
export interface PySource {
  file: string;
  cell?: number;
}

export interface PyImport extends PySource {
  /** Full dotted module as written (`sklearn.model_selection`); for `from . import x` the dots are kept. */
  module: string;
  /** Top-level name (`sklearn`); '' for relative imports. */
  top: string;
  relative: boolean;
  /** 1-based line within the file or cell. */
  line: number;
  /** For `from x import a, b as c, *`: the imported names (`a`, `b`, `*`); absent for `import x`. */
  names?: string[];
}

export interface PyCall extends PySource {
  /** Callee as written, dotted: `pd.read_csv`, `load_iris`, `AutoModel.from_pretrained`. */
  callee: string;
  line: number;
  /** String-literal positional arguments (first 3), unescaped when simple. */
  stringArgs: string[];
  /** keyword=string-literal arguments. */
  stringKwargs: Record<string, string>;
}

export interface PyString extends PySource {
  value: string;
  line: number;
  /** The name the literal is bound to: `api_key = "…"`, `token="…"` or a dict key `{"password": "…"}`. */
  boundTo?: string;
}

export interface PyDef extends PySource {
  name: string;
  kind: 'function' | 'class';
  line: number;
  hasDocstring: boolean;
}

export interface PyFile {
  /** Repository-relative path of the `.py` file or notebook. */
  path: string;
  origin: 'module' | 'notebook';
  /** Lines of code (non-blank, non-comment). */
  codeLines: number;
  commentLines: number;
  /** Syntax errors found by the parser (after blanking IPython magics). */
  syntaxErrors: { line: number; cell?: number }[];
  hasMainGuard: boolean;
  /** True for files that look generated: notebook exports (`# In[1]:`), `jupytext` headers, etc. */
  generated: boolean;
  /** The file was too large or not text; nothing parsed. */
  skipped?: string;
  /** Text encoding when not plain UTF-8 (`utf-16le`, `latin1` …). */
  encoding?: string;
}

export interface PythonFacts {
  files: PyFile[];
  imports: PyImport[];
  calls: PyCall[];
  /** String literals that look like paths, URLs or identifiers (docstrings excluded), capped. */
  strings: PyString[];
  defs: PyDef[];
  /** Top-level names of modules/packages defined in the repo itself (for "is this import local?"). */
  localModules: string[];
}
