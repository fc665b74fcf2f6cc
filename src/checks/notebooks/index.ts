import type { AnyCheck } from '../types.js';
import NB101 from './NB101-notebook-out-of-order-execution.js';
import NB102 from './NB102-notebook-error-outputs.js';
import NB103 from './NB103-notebook-unexecuted-cells.js';
import NB104 from './NB104-notebook-unreadable.js';
import NB105 from './NB105-untitled-or-copy-notebook-name.js';
import NB106 from './NB106-notebook-without-narrative.js';
import NB107 from './NB107-notebook-too-long.js';
import NB108 from './NB108-notebook-huge-outputs.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [NB101, NB102, NB103, NB104, NB105, NB106, NB107, NB108];
