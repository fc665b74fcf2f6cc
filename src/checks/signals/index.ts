import type { AnyCheck } from '../types.js';
import sig101 from './SIG101-no-own-data-collection.js';
import sig102 from './SIG102-data-provenance-undocumented.js';
import sig103 from './SIG103-paper-replication.js';
import sig104 from './SIG104-replication-without-comparison.js';
import sig105 from './SIG105-pretrained-model-use.js';
import sig106 from './SIG106-cookie-cutter-notebook.js';
import sig107 from './SIG107-narrow-stack.js';
import sig108 from './SIG108-hosted-llm-only.js';
import sig109 from './SIG109-scraping-without-rate-limit.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [sig101, sig102, sig103, sig104, sig105, sig106, sig107, sig108, sig109];
