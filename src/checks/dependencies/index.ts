import type { AnyCheck } from '../types.js';
import DEP101 from './DEP101-no-dependency-manifest.js';
import DEP102 from './DEP102-unpinned-dependencies.js';
import DEP103 from './DEP103-undeclared-imports.js';
import DEP104 from './DEP104-no-python-version.js';
import DEP105 from './DEP105-manifest-parse-error.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [DEP101, DEP102, DEP103, DEP104, DEP105];
