export { analysePortfolio } from './analyse.js';
export type { Portfolio } from './types.js';
