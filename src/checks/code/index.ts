import type { AnyCheck } from '../types.js';
import PY101 from './PY101-notebook-only-project.js';
import PY102 from './PY102-python-syntax-errors.js';
import PY103 from './PY103-no-functions.js';
import PY104 from './PY104-hardcoded-secrets.js';
import PY105 from './PY105-wildcard-imports.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [PY101, PY102, PY103, PY104, PY105];
