// Records runs into a store from its own process, for the concurrency and crash tests:
//   node --import tsx test/helpers/store-writer.ts <db> <label> <count> [forever]

import { openStore } from '../../src/store/index.js';
import { SINGLE_REPO_REPORT } from '../fixtures/sample-report.js';

const [db, label, countText, forever] = process.argv.slice(2);
const store = await openStore(db!);
const base = SINGLE_REPO_REPORT.repos[0]!;
let i = 0;
process.stdout.write('ready\n');
while (forever === 'forever' || i < Number(countText)) {
  await store.recordRun(
    { ...base, name: `${label}-${i % 5}`, score: i % 101 },
    {
      key: { repo: `/repos/${label}-${i % 5}`, commit: `c${i}`, toolVersion: '0.1.0', configHash: 'cfg' },
      tags: [label!],
    },
  );
  i += 1;
}
await store.close();
process.stdout.write(`done ${i}\n`);
