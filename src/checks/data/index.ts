import type { AnyCheck } from '../types.js';
import DAT101 from './DAT101-referenced-data-missing.js';
import DAT102 from './DAT102-absolute-paths.js';
import DAT103 from './DAT103-large-data-committed.js';
import DAT104 from './DAT104-kaggle-or-colab-only-paths.js';
import DAT105 from './DAT105-unreadable-data-file.js';
import DAT106 from './DAT106-model-weights-committed.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [DAT101, DAT102, DAT103, DAT104, DAT105, DAT106];
