import type { FactsSummary, RepoReport } from '../engine/report.js';
import type { PortfolioGap } from './types.js';

/** Six weeks: the span the product brief names for one substantial project. */
const DEEP_PROJECT_DAYS = 42;

interface GapRule {
  id: string;
  value: number;
  title: string;
  advice: string;
  /** True when this repository already shows the thing; the gap is open when none does. */
  has(facts: FactsSummary): boolean;
}

/** What a whole portfolio should show somewhere, most valuable to a hiring manager first. */
const RULES: readonly GapRule[] = [
  {
    id: 'own-data',
    value: 10,
    title: 'No project with its own data',
    advice: 'Collect a data set yourself (scrape, call an API, survey, join sources) for one project.',
    has: (f) => f.customData,
  },
  {
    id: 'deep-project',
    value: 9,
    title: 'No project worked on for six weeks or more',
    advice: 'Pick one project and keep working on it in small commits for six weeks or more.',
    has: (f) => (f.git?.spanDays ?? 0) >= DEEP_PROJECT_DAYS && (f.git?.activeDays ?? 0) >= 10,
  },
  {
    id: 'original-problem',
    value: 9,
    title: 'Every project is built on a stock dataset or course capstone',
    advice: 'Choose a problem of your own instead of another stock dataset or capstone.',
    has: (f) =>
      !f.stockDatasets.some((d) => d.role === 'flagship') && !f.capstones.some((d) => d.role === 'flagship'),
  },
  {
    id: 'deployed',
    value: 7,
    title: 'Nothing deployed or usable by someone else',
    advice: 'Put one model behind a small web app or API and deploy it.',
    has: (f) => f.deploymentConfigs.length > 0 || f.webApps.length > 0,
  },
  {
    id: 'tests',
    value: 7,
    title: 'No tests anywhere',
    advice: 'Add tests to the flagship project, even a handful for the data cleaning.',
    has: (f) => f.tests,
  },
  {
    id: 'modules',
    value: 6,
    title: 'Only notebooks, no Python modules',
    advice: 'Move the flagship project’s reusable code from notebooks into modules.',
    has: (f) => f.pythonModules > 0,
  },
  {
    id: 'pinned',
    value: 5,
    title: 'No project pins its dependencies',
    advice: 'Pin dependencies (or commit a lock file) so a stranger can run the flagship.',
    has: (f) => f.pinnedDependencies,
  },
  {
    id: 'ci',
    value: 4,
    title: 'No continuous integration',
    advice: 'Run the tests on every push with a small CI workflow.',
    has: (f) => f.ci,
  },
  {
    id: 'container',
    value: 3,
    title: 'No Dockerfile',
    advice: 'Add a Dockerfile so the flagship runs the same on any machine.',
    has: (f) => f.dockerfile,
  },
  {
    id: 'pretrained',
    value: 3,
    title: 'No pretrained models on unstructured data',
    advice: 'Try a pretrained network on images, audio or text for a quick, visible result.',
    has: (f) => f.pretrainedModels.length > 0,
  },
  {
    id: 'paper',
    value: 2,
    title: 'No paper replicated',
    advice: 'Replicate a recent paper, ideally on new data, and compare with its results.',
    has: (f) => f.paperReferences.length > 0,
  },
];

/** Gaps no audited repository fills, most valuable first. Unknown without any facts. */
export function portfolioGaps(repos: readonly RepoReport[]): PortfolioGap[] {
  const facts = repos.map((r) => r.facts).filter((f): f is FactsSummary => f !== null);
  if (facts.length === 0) return [];
  return RULES.filter((rule) => !facts.some((f) => rule.has(f)))
    .map(({ id, value, title, advice }) => ({ id, value, title, advice }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
}
