import type { AnyCheck } from '../types.js';
import RD101 from './RD101-missing-readme.js';
import RD102 from './RD102-thin-readme.js';
import RD103 from './RD103-no-run-instructions.js';
import RD104 from './RD104-no-problem-statement.js';
import RD105 from './RD105-no-results-stated.js';
import RD106 from './RD106-no-baseline.js';
import RD107 from './RD107-no-limitations.js';
import RD108 from './RD108-readme-template-placeholders.js';
import RD109 from './RD109-no-data-section.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [RD101, RD102, RD103, RD104, RD105, RD106, RD107, RD108, RD109];
