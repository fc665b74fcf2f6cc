import type { AnyCheck } from '../types.js';
import HRD101 from './HRD101-stock-dataset-flagship.js';
import HRD102 from './HRD102-course-capstone.js';
import HRD103 from './HRD103-overused-topic.js';
import HRD104 from './HRD104-retired-boston-dataset.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [HRD101, HRD102, HRD103, HRD104];
