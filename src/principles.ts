/**
 * The principles from the product brief. Ids are stable: checks cite them, reports group by them,
 * and the JSON contract exposes them. Never rename one; add new ones at the end.
 */
export const PRINCIPLES = {
  'one-deep-project': {
    title: 'One deep project',
    advice: 'One substantial project, worked on for six weeks or more, beats many half-done ones.',
  },
  'original-problem': {
    title: 'Original problem',
    advice:
      'Pick an original, relevant problem; stock datasets and course capstones are what everyone else shows.',
  },
  'own-data': {
    title: 'Own data',
    advice: 'Collect or build your own data set: scraping, APIs, sensors, surveys, joining sources.',
  },
  runnable: {
    title: 'Runnable',
    advice:
      'A stranger can run it: dependencies declared and pinned, data obtainable, one command reproduces the results.',
  },
  'clean-code': {
    title: 'Clean code',
    advice:
      'Readable code: a good README, code in modules rather than only notebooks, sensible comments, good commit messages.',
  },
  'boring-skills': {
    title: 'Boring skills',
    advice: 'Show the unglamorous engineering: git workflow, tests, Docker, a small web app, deployment.',
  },
  'new-tools': {
    title: 'New tools',
    advice: 'Each project should stretch you; the sixth pandas → sklearn → f1 notebook teaches nothing new.',
  },
  'replicate-papers': {
    title: 'Replicate papers',
    advice: 'Replicating a recent paper, maybe on new data, stands out.',
  },
  'pretrained-models': {
    title: 'Pretrained models',
    advice: 'Unstructured data plus pretrained networks shows value fast.',
  },
  'value-over-decimals': {
    title: 'Value over decimals',
    advice: "State a baseline and the value to a user; don't chase a decimal of accuracy.",
  },
  'domain-focus': {
    title: 'Domain focus',
    advice: 'Expertise in a domain sets you apart.',
  },
  'blog-only-you': {
    title: 'Only you could write it',
    advice: 'Write posts only you could write, about your own work, not another generic introduction.',
  },
  'blog-craft': {
    title: 'Blog craft',
    advice:
      "Cite sources, show pictures, give code people can copy and run, say what you don't know, leave the reader able to act.",
  },
  'apply-at-half': {
    title: 'Apply at half',
    advice: 'Job ads are wish lists: meeting about half the bullets is enough to apply.',
  },
  'prepare-interviews': {
    title: 'Prepare interviews',
    advice: 'Engineering-heavy teams interview like software teams; prepare for that.',
  },
  network: {
    title: 'Network',
    advice: 'Meetups, talks, conferences, study groups and value-first messages open doors.',
  },
} as const;

export type PrincipleId = keyof typeof PRINCIPLES;

export const PRINCIPLE_IDS = Object.keys(PRINCIPLES) as PrincipleId[];

export function isPrincipleId(value: string): value is PrincipleId {
  return Object.hasOwn(PRINCIPLES, value);
}
