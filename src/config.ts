import type { AnyCheck, Severity } from './checks/types.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/** Per-check setting: turn it off, or change its severity and thresholds. */
export type CheckSetting = 'off' | { severity?: Severity; options?: Record<string, unknown> };

/**
 * The candidate's right to explain an exception: failing findings of `check` (code or name),
 * limited to files matching `path` when given, stay in the report marked ignored with `reason`
 * and do not count in the score.
 */
export interface IgnoreRule {
  check: string;
  /** A file path, a folder prefix ending in `/`, or a glob with `*` / `**`. */
  path?: string;
  reason: string;
}

export interface Config {
  checks: Record<string, CheckSetting>;
  limits: Limits;
  /** Extra herd catalogue files (YAML), laid over the bundled catalogue. */
  catalogues: string[];
  /** Findings the user chose to ignore, each with a reason. */
  ignore?: IgnoreRule[];
}

export const DEFAULT_CONFIG: Config = { checks: {}, limits: DEFAULT_LIMITS, catalogues: [], ignore: [] };

/** A check's thresholds with the user's overrides laid over its defaults. */
export function resolveCheckOptions(check: AnyCheck, config: Config): unknown {
  const setting = config.checks[check.code] ?? config.checks[check.name];
  if (!setting || setting === 'off' || !setting.options) return check.options;
  return { ...(check.options as object), ...setting.options };
}

/** `*` matches within one path segment, `**` across segments; a trailing `/` means "under this folder". */
function pathMatches(pattern: string, file: string): boolean {
  if (pattern.endsWith('/')) return file.startsWith(pattern);
  if (!pattern.includes('*')) return file === pattern || file.startsWith(`${pattern}/`);
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(file);
}

/**
 * The ignore entry covering a failing finding, if any. An entry with a `path` covers a finding
 * only when every file its evidence names matches (and it names at least one).
 */
export function ignoreRuleFor(
  finding: { check: string; name: string; evidence: readonly { file?: string }[] },
  rules: readonly IgnoreRule[] | undefined,
): IgnoreRule | undefined {
  for (const rule of rules ?? []) {
    const wanted = rule.check.toUpperCase();
    if (wanted !== finding.check.toUpperCase() && wanted !== finding.name.toUpperCase()) continue;
    if (rule.path === undefined) return rule;
    const files = finding.evidence.map((e) => e.file).filter((f): f is string => f !== undefined);
    if (files.length > 0 && files.every((f) => pathMatches(rule.path!, f))) return rule;
  }
  return undefined;
}
