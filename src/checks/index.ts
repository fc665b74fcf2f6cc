import { checks as code } from './code/index.js';
import { checks as data } from './data/index.js';
import { checks as dependencies } from './dependencies/index.js';
import { checks as herd } from './herd/index.js';
import { checks as history } from './history/index.js';
import { checks as infra } from './infra/index.js';
import { checks as notebooks } from './notebooks/index.js';
import { checks as readme } from './readme/index.js';
import { checks as signals } from './signals/index.js';
import type { AnyCheck } from './types.js';

/** Every check unherd knows, in a stable order (by code). */
export const ALL_CHECKS: readonly AnyCheck[] = [
  ...history,
  ...notebooks,
  ...code,
  ...readme,
  ...dependencies,
  ...data,
  ...infra,
  ...signals,
  ...herd,
].sort((a, b) => a.code.localeCompare(b.code));
