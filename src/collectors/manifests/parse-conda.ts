import { yamlModule } from '../../lazy-require.js';
import { dependency, type Parsed } from './parsed.js';
import { normaliseName, parseRequirement } from './pep508.js';

const CONDA_SPEC = /^(?:[\w.-]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/;

/** A conda environment file: conda dependencies, the nested `pip:` list, and the python pin. */
export function parseCondaEnvironment(path: string, text: string): Parsed {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlModule();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0)
    return { dependencies: [], error: doc.errors[0]?.message.split('\n')[0] ?? 'invalid YAML' };
  const result: Parsed = { dependencies: [] };
  const root = doc.contents;
  if (!isMap(root)) return { dependencies: [], error: 'not a conda environment (no mapping at the top)' };
  const deps = root.get('dependencies', true);
  if (deps === undefined) return result;
  if (!isSeq(deps)) return { dependencies: [], error: '`dependencies` is not a list' };
  const lineAt = (node: { range?: [number, number, number] | null }) =>
    node.range ? lines.linePos(node.range[0]).line : 1;

  for (const item of deps.items) {
    if (isScalar(item)) {
      const spec = String(item.value ?? '').trim();
      const m = CONDA_SPEC.exec(spec);
      if (!m?.[1]) continue;
      const name = normaliseName(m[1]);
      const version = (m[2] ?? '').trim();
      if (name === 'python') {
        if (version) result.pythonVersion = version.replace(/^=+/, '');
        continue;
      }
      if (name === 'pip') continue;
      result.dependencies.push(dependency(path, lineAt(item), name, version, isCondaPin(version)));
    } else if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const entry of pip.items) {
        if (!isScalar(entry)) continue;
        const text = String(entry.value ?? '').trim();
        if (text.startsWith('-')) continue;
        const parsed = parseRequirement(text);
        if (parsed)
          result.dependencies.push(dependency(path, lineAt(entry), parsed.name, parsed.spec, parsed.pinned));
      }
    }
  }
  return result;
}

/**
 * Conda pins: `==1.2.3`, `=1.2.3` (three parts or more), `=1.2.3=build`, or `1.2.3` after a space.
 * `=1.2` is a fuzzy match in conda (1.2.*), so it is not a pin.
 */
export function isCondaPin(version: string): boolean {
  const v = version.replace(/\s+/g, ' ').trim();
  if (/^==\s*[^*,<>=!~\s]+$/.test(v)) return true;
  if (/^=?\s*\d+(\.\d+){2,}[^*,<>!~\s]*$/.test(v)) return true;
  return /^=?\s*[^=\s*<>!~]+\s*[= ]\s*[^=\s*]+$/.test(v) && !/\*/.test(v);
}
