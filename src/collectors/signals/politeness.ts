import { at, calleeName, type FileCode } from './code-index.js';
import type { SignalsFacts } from './types.js';

const POLITE_MODULES = [
  'urllib.robotparser',
  'robotparser',
  'ratelimit',
  'ratelimiter',
  'backoff',
  'tenacity',
  'requests_cache',
  'aiolimiter',
  'pyrate_limiter',
];
const POLITE_CALLS = new Set(['sleep', 'RobotFileParser', 'can_fetch', 'wait_for_timeout']);

/** Rate limiting and robots.txt handling anywhere in the candidate's code. */
export function findPoliteness(files: Iterable<FileCode>): SignalsFacts['politeness'] {
  const out: SignalsFacts['politeness'] = [];
  for (const code of files) {
    const imp = code.imports.find((i) =>
      POLITE_MODULES.some((m) => i.module === m || i.module.startsWith(`${m}.`)),
    );
    if (imp) out.push({ via: imp.module, ...at(imp) });
    const call = code.calls.find((c) => POLITE_CALLS.has(calleeName(c.callee)));
    if (call) out.push({ via: call.callee, ...at(call) });
  }
  return out;
}
