import type { AnyCheck } from '../types.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [];
