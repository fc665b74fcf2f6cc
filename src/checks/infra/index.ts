import type { AnyCheck } from '../types.js';
import INF101 from './INF101-no-tests.js';
import INF102 from './INF102-no-ci.js';
import INF103 from './INF103-ci-without-tests.js';
import INF104 from './INF104-no-container.js';
import INF105 from './INF105-no-app-or-interface.js';
import INF106 from './INF106-not-deployed.js';
import INF107 from './INF107-no-one-command-entry-point.js';
import INF108 from './INF108-no-linter-or-formatter.js';
import INF109 from './INF109-no-license.js';
import INF110 from './INF110-committed-environment.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [
  INF101,
  INF102,
  INF103,
  INF104,
  INF105,
  INF106,
  INF107,
  INF108,
  INF109,
  INF110,
];
