/** Cell magics whose body is still Python; any other `%%` magic makes the whole cell another language. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'memit', 'debug', 'notebook']);

const LINE_MAGIC = /^(\s*)(%|!)/;
const ASSIGNED_MAGIC = /^(\s*)([A-Za-z_][\w, ]*?)\s*=\s*[%!]/;
const HELP = /^\s*\?|^[^#'"]*[\w.)\]]\?\??\s*$/;

/**
 * Replaces IPython-only lines (`%magic`, `!shell`, `x = !cmd`, `obj?`) with plain Python of no
 * effect, line for line, so the parser sees valid code and line numbers stay those of the cell.
 * A `pass` keeps an indented block that held only a magic from becoming a syntax error.
 */
export function blankIpython(source: string): string {
  const lines = source.split('\n');
  const first = /^\s*%%(\w+)/.exec(lines[0] ?? '');
  if (first) {
    if (!PYTHON_CELL_MAGICS.has(first[1]!)) return lines.map(() => '').join('\n');
    lines[0] = '';
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const assigned = ASSIGNED_MAGIC.exec(line);
    if (assigned) {
      lines[i] = `${assigned[1]}${assigned[2]} = None`;
      continue;
    }
    const magic = LINE_MAGIC.exec(line);
    if (magic || HELP.test(line)) lines[i] = `${magic?.[1] ?? /^\s*/.exec(line)?.[0] ?? ''}pass`;
  }
  return lines.join('\n');
}
