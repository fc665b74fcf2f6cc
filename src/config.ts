import type { AnyCheck, Severity } from './checks/types.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/** Per-check setting: turn it off, or change its severity and thresholds. */
export type CheckSetting = 'off' | { severity?: Severity; options?: Record<string, unknown> };

export interface Config {
  checks: Record<string, CheckSetting>;
  limits: Limits;
  /** Extra herd catalogue files (YAML), laid over the bundled catalogue. */
  catalogues: string[];
}

export const DEFAULT_CONFIG: Config = { checks: {}, limits: DEFAULT_LIMITS, catalogues: [] };

/** A check's thresholds with the user's overrides laid over its defaults. */
export function resolveCheckOptions(check: AnyCheck, config: Config): unknown {
  const setting = config.checks[check.code] ?? config.checks[check.name];
  if (!setting || setting === 'off' || !setting.options) return check.options;
  return { ...(check.options as object), ...setting.options };
}
