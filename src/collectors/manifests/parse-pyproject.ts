import { parseToml } from '../../lazy-require.js';
import { dependency, type Parsed } from './parsed.js';
import { lineOf, normaliseName, parseRequirement } from './pep508.js';
import { poetryPinned } from './poetry.js';

type Table = Record<string, unknown>;

/** pyproject.toml: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry, PDM and uv tables. */
export function parsePyproject(path: string, text: string): Parsed {
  let data: Table;
  try {
    data = parseToml(text) as Table;
  } catch (err) {
    return { dependencies: [], error: `invalid TOML: ${firstLine(err)}` };
  }
  const result: Parsed = { dependencies: [] };
  const project = table(data.project);
  const addPep508 = (values: unknown) => {
    if (!Array.isArray(values)) return;
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const parsed = parseRequirement(value);
      if (parsed) {
        result.dependencies.push(
          dependency(path, lineOf(text, value), parsed.name, parsed.spec, parsed.pinned),
        );
      }
    }
  };
  addPep508(project.dependencies);
  for (const group of Object.values(table(project['optional-dependencies']))) addPep508(group);
  for (const group of Object.values(table(data['dependency-groups']))) addPep508(group);
  const tool = table(data.tool);
  for (const group of Object.values(table(table(tool.pdm)['dev-dependencies']))) addPep508(group);
  addPep508(table(tool.uv)['dev-dependencies']);
  if (typeof project['requires-python'] === 'string') result.pythonVersion = project['requires-python'];

  const poetry = table(tool.poetry);
  const poetryTables = [poetry.dependencies, poetry['dev-dependencies']];
  for (const group of Object.values(table(poetry.group))) poetryTables.push(table(group).dependencies);
  for (const deps of poetryTables) {
    for (const [rawName, spec] of Object.entries(table(deps))) {
      if (rawName.toLowerCase() === 'python') {
        if (typeof spec === 'string') result.pythonVersion ??= spec;
        continue;
      }
      const version = typeof spec === 'string' ? spec : String(table(spec).version ?? '');
      const line = lineOf(text, `${rawName} =`) || lineOf(text, rawName);
      result.dependencies.push(dependency(path, line, normaliseName(rawName), version, poetryPinned(spec)));
    }
  }
  return result;
}

function table(value: unknown): Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'parse error';
}
