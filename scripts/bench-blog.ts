// Times `blog review` over a generated 200-post Jekyll folder (median of 3 runs); target < 10 s.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewBlog } from '../src/blog/review.js';

const POSTS = Number(process.env.BLOG_BENCH_POSTS ?? 200);
const good = readFileSync(new URL('../test/fixtures/blog/good-post.md', import.meta.url), 'utf8');
const generic = readFileSync(new URL('../test/fixtures/blog/generic-tutorial.md', import.meta.url), 'utf8');

const root = mkdtempSync(join(tmpdir(), 'unherd-bench-blog-'));
mkdirSync(join(root, '_posts'));
writeFileSync(join(root, '_config.yml'), 'title: bench\n');
for (let i = 0; i < POSTS; i++) {
  const day = new Date(Date.UTC(2022, 0, 1) + i * 4 * 86_400_000).toISOString().slice(0, 10);
  // Vary the posts so nothing is cached by accident: doubled bodies, shuffled templates.
  const body = i % 3 === 0 ? generic : good.replace('six weeks', `${(i % 9) + 2} weeks`);
  writeFileSync(
    join(root, '_posts', `${day}-post-${i}.md`),
    i % 5 === 0 ? body + body.split('---\n').slice(2).join('---\n') : body,
  );
}

const times: number[] = [];
let reviewed = 0;
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const report = await reviewBlog([root]);
  times.push(performance.now() - t0);
  reviewed = report.posts.filter((p) => p.score !== null).length;
}
rmSync(root, { recursive: true, force: true });
times.sort((a, b) => a - b);
const median = times[1]!;
console.log(
  `blog review: ${POSTS} posts (${reviewed} reviewed), median of 3: ${(median / 1000).toFixed(2)} s (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s); target < 10 s`,
);
process.exitCode = median < 10_000 ? 0 : 1;
