/**
 * Remote-audit bench: a git server on loopback (git http-backend behind a tiny Node server) serves
 * generated repositories; they are audited cold (empty clone cache) and warm (cache reused and
 * updated), through the same path as `unherd audit --from list`. Prints both times.
 *
 *   node --import tsx scripts/bench-remote.ts [--repos 100] [--jobs N] [--clone-jobs 4]
 *
 * Everything lives in a temp folder removed at the end; the server stops itself after 15 minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { auditTargets, toTarget } from '../src/cli/inputs.js';
import { startGitServer } from '../test/helpers/git-server.js';

const { values } = parseArgs({
  options: {
    repos: { type: 'string', default: '100' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'clone-jobs': { type: 'string', default: '4' },
  },
});
const count = Number(values.repos);
const jobs = Number(values.jobs);
const cloneJobs = Number(values['clone-jobs']);

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
function git(cwd: string, args: string[], date?: string): void {
  const env = date
    ? {
        ...GIT_ENV,
        GIT_AUTHOR_NAME: 'Bench Candidate',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'Bench Candidate',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      }
    : GIT_ENV;
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env, stdio: 'ignore' });
}

/** A small data-science project: README, a module, a notebook-free pipeline, 8 dated commits. */
function generate(root: string, i: number): void {
  const work = join(root, 'work', `project-${i}`);
  mkdirSync(join(work, 'src'), { recursive: true });
  git(work, ['init', '-q']);
  const t0 = Date.parse('2024-01-01T12:00:00Z') + i * 86_400_000;
  for (let c = 0; c < 8; c++) {
    writeFileSync(
      join(work, 'README.md'),
      `# Project ${i}\n\nForecasting demand for shop ${i} from weather.\n\n## Run\n\n\`python -m src.step_0\`\n`,
    );
    writeFileSync(join(work, 'requirements.txt'), 'pandas==2.2.0\nscikit-learn==1.4.0\n');
    writeFileSync(
      join(work, 'src', `step_${c}.py`),
      `import pandas as pd\n\n\ndef step_${c}(path):\n    """Step ${c} of project ${i}."""\n    return pd.read_csv(path).describe()\n`,
    );
    writeFileSync(
      join(work, 'data.csv'),
      `day,demand\n${Array.from({ length: 200 }, (_, d) => `${d},${(d * i) % 97}`).join('\n')}\n`,
    );
    git(work, ['add', '-A']);
    git(
      work,
      ['commit', '-q', '-m', `Add step ${c} of the demand model`],
      new Date(t0 + c * 5 * 86_400_000).toISOString(),
    );
  }
  git(join(root, 'served'), ['clone', '-q', '--bare', work, `project-${i}.git`]);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'unherd-bench-remote-'));
  mkdirSync(join(root, 'served'), { recursive: true });
  const server = await startGitServer({ root: join(root, 'served'), lifetimeMs: 15 * 60_000 });
  try {
    const built = performance.now();
    for (let i = 0; i < count; i++) generate(root, i);
    console.log(`generated ${count} repositories in ${((performance.now() - built) / 1000).toFixed(1)} s`);
    const targets = Array.from({ length: count }, (_, i) => toTarget(`${server.url}/project-${i}.git`, true));
    const cacheDir = join(root, 'cache');
    const run = async (label: string) => {
      const started = performance.now();
      const report = await auditTargets(targets, { jobs }, { cacheDir, cloneConcurrency: cloneJobs });
      const seconds = (performance.now() - started) / 1000;
      const failed = report.repos.filter((r) => r.error !== null);
      if (failed.length > 0) throw new Error(`${label}: ${failed.length} failed, e.g. ${failed[0]!.error}`);
      console.log(
        `${label}: ${count} repositories in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)} repos/s)`,
      );
      return seconds;
    };
    const cold = await run('cold (empty cache, clone)');
    const warm = await run('warm (cache reused, fetch)');
    console.log(`\n| run | time | repos/s |\n| --- | --- | --- |`);
    console.log(`| cold | ${cold.toFixed(1)} s | ${(count / cold).toFixed(1)} |`);
    console.log(`| warm | ${warm.toFixed(1)} s | ${(count / warm).toFixed(1)} |`);
    console.log(
      `\n${availableParallelism()} cores, --jobs ${jobs}, --clone-jobs ${cloneJobs}, Node ${process.version}`,
    );
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
