import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import * as v from 'valibot';
import { ALL_CHECKS } from './checks/index.js';
import type { AnyCheck } from './checks/types.js';
import { type CheckSetting, type Config, DEFAULT_CONFIG, type IgnoreRule } from './config.js';
import { UnherdError } from './errors.js';
import { yamlModule } from './lazy-require.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/**
 * The user's config file, looked for in the current working directory (never in an audited
 * repository: that file is the candidate's, and honouring it would let a candidate switch off the
 * checks that judge them — see docs/configuration.md).
 */
export const CONFIG_FILE_NAMES = ['unherd.config.json', '.unherdrc.yml', '.unherdrc.yaml'] as const;

/** Config files are small; a bigger one is a mistake, not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const severity = v.picklist(['high', 'medium', 'low']);
const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const checkSetting = v.union(
  [
    v.picklist(['off', 'on']),
    v.strictObject({
      enabled: v.optional(v.boolean()),
      severity: v.optional(severity),
      options: v.optional(v.record(v.string(), v.unknown())),
    }),
  ],
  'expected "off", "on" or { enabled?, severity?, options? }',
);

const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));

const ConfigFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  checks: v.optional(v.record(v.string(), checkSetting)),
  catalogues: v.optional(v.array(nonEmpty)),
  ignore: v.optional(
    v.array(
      v.strictObject({
        check: nonEmpty,
        path: v.optional(nonEmpty),
        reason: v.pipe(
          v.string('every ignore entry needs a reason: the candidate’s explanation'),
          v.trim(),
          v.nonEmpty('every ignore entry needs a reason: the candidate’s explanation'),
        ),
      }),
    ),
  ),
  failOn: v.optional(severity),
  limits: v.optional(
    v.strictObject({
      maxFiles: v.optional(positiveInt),
      maxFileBytes: v.optional(positiveInt),
      maxNotebookBytes: v.optional(positiveInt),
      maxRepoBytes: v.optional(positiveInt),
      sniffBytes: v.optional(positiveInt),
      maxCommits: v.optional(positiveInt),
      gitTimeoutMs: v.optional(positiveInt),
    }),
  ),
});

export type ConfigFile = v.InferOutput<typeof ConfigFileSchema>;

/** The config plus settings that belong to the CLI rather than the engine. */
export interface LoadedConfig {
  config: Config;
  failOn?: 'high' | 'medium' | 'low';
  /** The file it came from, for messages. */
  file: string;
}

type Path = readonly (string | number)[];

/** Where a key sits in the file, as `file:line` for YAML and `file` for JSON. */
type Locate = (path: Path) => string;

function configError(where: string, path: Path, message: string): UnherdError {
  const key = path.length > 0 ? `${path.join('.')}: ` : '';
  return new UnherdError(
    'CONFIG',
    `${where}: ${key}${message}`,
    'see docs/configuration.md for the keys a config file may have',
  );
}

function parseText(file: string, text: string): { data: unknown; locate: Locate } {
  if (/\.ya?ml$/i.test(file)) {
    const { isMap, isSeq, LineCounter, parseDocument } = yamlModule();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
      const line = lineCounter.linePos(first.pos[0]).line;
      throw configError(`${file}:${line}`, [], `not valid YAML (${first.message.split('\n')[0]})`);
    }
    const locate: Locate = (path) => {
      // Walk down to the deepest node that exists, so an unknown key still gets its parent's line.
      let node: unknown = doc.contents;
      let offset: number | undefined = (doc.contents as { range?: number[] } | null)?.range?.[0];
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          offset = (node as { range?: number[] } | undefined)?.range?.[0] ?? offset;
        } else break;
      }
      return offset === undefined ? file : `${file}:${lineCounter.linePos(offset).line}`;
    };
    return { data: doc.toJS() ?? {}, locate };
  }
  try {
    return { data: JSON.parse(text), locate: () => file };
  } catch (err) {
    throw configError(file, [], `not valid JSON (${(err as Error).message})`);
  }
}

function findCheck(key: string, checks: readonly AnyCheck[]): AnyCheck | undefined {
  const wanted = key.trim().toUpperCase();
  return checks.find((c) => c.code.toUpperCase() === wanted || c.name.toUpperCase() === wanted);
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** Option overrides must name a threshold the check has, with a value of the same type. */
function validateOptions(
  check: AnyCheck,
  options: Record<string, unknown>,
  path: Path,
  locate: Locate,
): void {
  const defaults = (check.options ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(options)) {
    const at = [...path, name];
    if (!Object.hasOwn(defaults, name)) {
      const known = Object.keys(defaults);
      throw configError(
        locate(at),
        at,
        `${check.code} has no option "${name}" (${known.length > 0 ? `options: ${known.join(', ')}` : 'it has no options'})`,
      );
    }
    const expected = typeName(defaults[name]);
    if (typeName(value) !== expected) {
      throw configError(locate(at), at, `expected a ${expected}, got a ${typeName(value)}`);
    }
  }
}

/** Turns a parsed config file into the engine's Config; every key is checked, none is guessed. */
export function toConfig(
  raw: unknown,
  file: string,
  locate: Locate = () => file,
  checks: readonly AnyCheck[] = ALL_CHECKS,
): LoadedConfig {
  const parsed = v.safeParse(ConfigFileSchema, raw ?? {});
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path: Path = (issue.path ?? []).map((p) => p.key as string | number);
    const last = String(path[path.length - 1]);
    let message = issue.message;
    if (issue.expected === 'never') message = `unknown key "${last}"`;
    else if (issue.received === 'undefined' && issue.expected === `"${last}"`) {
      message =
        last === 'reason'
          ? 'missing "reason": every ignore entry needs the candidate’s explanation'
          : `missing required key "${last}"`;
    }
    throw configError(locate(path), path, message);
  }
  const data = parsed.output;
  const settings: Record<string, CheckSetting> = {};
  for (const [key, setting] of Object.entries(data.checks ?? {})) {
    const path = ['checks', key];
    const check = findCheck(key, checks);
    if (!check) throw configError(locate(path), path, `unknown check "${key}" (run \`unherd checks\`)`);
    if (setting === 'on') continue;
    if (setting === 'off' || setting.enabled === false) {
      settings[check.code] = 'off';
      continue;
    }
    if (setting.options) validateOptions(check, setting.options, [...path, 'options'], locate);
    const out: Exclude<CheckSetting, 'off'> = {};
    if (setting.severity) out.severity = setting.severity;
    if (setting.options) out.options = setting.options;
    settings[check.code] = out;
  }
  const ignore: IgnoreRule[] = (data.ignore ?? []).map((entry, i) => {
    const check = findCheck(entry.check, checks);
    const path = ['ignore', i, 'check'];
    if (!check)
      throw configError(locate(path), path, `unknown check "${entry.check}" (run \`unherd checks\`)`);
    return entry.path === undefined
      ? { check: check.code, reason: entry.reason }
      : { check: check.code, path: entry.path.replace(/^\.\//, ''), reason: entry.reason };
  });
  const base = dirname(file);
  const limits: Limits = { ...DEFAULT_LIMITS, ...(data.limits ?? {}) };
  const config: Config = {
    ...DEFAULT_CONFIG,
    checks: settings,
    limits,
    catalogues: (data.catalogues ?? []).map((c) => (isAbsolute(c) ? c : resolve(base, c))),
    ignore,
  };
  return data.failOn === undefined ? { config, file } : { config, failOn: data.failOn, file };
}

/** Reads and validates one config file. Throws UnherdError('CONFIG') naming the file, line and key. */
export function loadConfigFile(file: string, checks: readonly AnyCheck[] = ALL_CHECKS): LoadedConfig {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UnherdError('CONFIG', `config file not found: ${file}`);
  }
  if (size > MAX_CONFIG_BYTES) throw configError(file, [], `larger than ${MAX_CONFIG_BYTES} bytes`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const { data, locate } = parseText(file, text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw configError(file, [], 'expected an object of settings at the top level');
  }
  return toConfig(data, file, locate, checks);
}

/** The config file in `cwd`, if there is one; the first of CONFIG_FILE_NAMES wins. */
export function findConfigFile(cwd: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The config for a run: `--config <file>` when given, else a config file in the working
 * directory, else the defaults. A config inside an audited repository is never read.
 */
export function resolveConfig(explicit: string | undefined, cwd: string): LoadedConfig | null {
  if (explicit !== undefined) return loadConfigFile(resolve(cwd, explicit));
  const found = findConfigFile(cwd);
  return found === null ? null : loadConfigFile(found);
}
