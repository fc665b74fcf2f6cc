import type { HerdDetection, HerdFacts } from '../../collectors/herd/types.js';

export function herdFacts(partial: Partial<HerdFacts> = {}): HerdFacts {
  return { stockDatasets: [], capstones: [], topics: [], catalogue: ['datasets.yml'], ...partial };
}

export function detection(id: string, role: 'flagship' | 'secondary', confidence = 0.95): HerdDetection {
  return {
    id,
    name: id,
    confidence,
    role,
    detail: 'a cliché task',
    evidence: [{ file: 'data/train.csv', line: 1, signal: 'header', detail: 'a,b,c', strength: 'strong' }],
  };
}
