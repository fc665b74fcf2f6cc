import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo, tempDir } from '../../../test/helpers/repo.js';
import { UnherdError } from '../../errors.js';
import { expandRepoDirs, profileCohort } from './cohort.js';
import { findCopies } from './copies.js';
import { INDEX_SCHEMA_VERSION, SimilarityIndex, writeIndex } from './index-db.js';
import { CODE_COLLECTORS, profileRepo } from './profile.js';
import type { RepoProfile } from './types.js';

/** Hand-written analysis cells; every fixture here is ours. */
const ALICE_CELLS = [
  'import pandas as pd\nimport numpy as np\nrides = pd.read_csv("data/rides.csv")\nrides.head()',
  'rides = rides.dropna(subset=["start", "end"])\nrides["minutes"] = (pd.to_datetime(rides["end"]) - pd.to_datetime(rides["start"])).dt.seconds / 60\nrides = rides[rides["minutes"].between(1, 180)]\nprint(rides["minutes"].describe())',
  'by_station = rides.groupby("station").agg(trips=("minutes", "size"), median=("minutes", "median"))\nby_station = by_station.sort_values("trips", ascending=False)\nfor name, row in by_station.head(10).iterrows():\n    print(f"{name}: {row.trips} trips, {row.median:.1f} min")',
  'def weekday_share(frame, column="start"):\n    days = pd.to_datetime(frame[column]).dt.dayofweek\n    counts = days.value_counts().sort_index()\n    return counts / counts.sum()\n\nshare = weekday_share(rides)\nassert abs(share.sum() - 1) < 1e-9\nshare.plot(kind="bar", title="Trips by weekday")',
];

/** Alice's notebook disguised: names changed, cells reordered and reformatted, comments and one cell added. */
const BOB_CELLS = [
  'import pandas as pd\ntrips = pd.read_csv( "bikes.csv" )\ntrips.head()',
  '# share of trips per day of the week\ndef share_by_day(df, col = "begin"):\n    d = pd.to_datetime(df[col]).dt.dayofweek\n    c = d.value_counts().sort_index()\n    return c / c.sum()\n\nresult = share_by_day(trips)\nassert abs(result.sum() - 1) < 1e-6\nresult.plot(kind="bar", title="Weekday")',
  'trips = trips.dropna( subset = ["begin", "finish"] )\ntrips["mins"] = (pd.to_datetime(trips["finish"]) -\n                 pd.to_datetime(trips["begin"])).dt.seconds / 60\ntrips = trips[trips["mins"].between(2, 240)]\nprint(trips["mins"].describe())',
  'stations = trips.groupby("station").agg(trips=("mins", "size"), median=("mins", "median"))\nstations = stations.sort_values("trips", ascending=False)\nfor s, r in stations.head(5).iterrows():\n    print(f"{s}: {r.trips} / {r.median:.2f}")',
  'print(len(trips), "trips after cleaning")\nprint(trips.columns.tolist())',
];

const CAROL_PY = `import requests
from bs4 import BeautifulSoup


def fetch_listings(city, pages=3):
    rows = []
    for page in range(1, pages + 1):
        html = requests.get(f"https://example.org/{city}?page={page}", timeout=10).text
        soup = BeautifulSoup(html, "html.parser")
        for card in soup.select("div.listing"):
            price = card.select_one(".price").get_text(strip=True)
            rows.append({"city": city, "price": int(price.replace("$", "").replace(",", ""))})
    return rows


class PriceModel:
    def __init__(self, alpha=0.5):
        self.alpha = alpha
        self.mean = None

    def fit(self, prices):
        total = 0.0
        for p in prices:
            total = self.alpha * p + (1 - self.alpha) * total
        self.mean = total
        return self
`;

const DAVE_CELLS = [
  'import pandas as pd\nimport numpy as np\ndf = pd.read_csv("survey.csv")\ndf.head()',
  'answers = df.melt(id_vars=["respondent"], var_name="question", value_name="answer")\npivot = answers.pivot_table(index="question", columns="answer", aggfunc="size", fill_value=0)\nwhile pivot.shape[1] > 5:\n    pivot = pivot.drop(columns=pivot.sum().idxmin())\nwith open("summary.txt", "w") as out:\n    out.write(pivot.to_string())',
];

function notebookOf(cells: string[], title: string): string {
  return notebook([md(`# ${title}`), ...cells.map((c, i) => code(c, { exec: i + 1 }))]);
}

function cohort(): Record<string, string> {
  const root = tempDir();
  const dirs = {
    alice: repo(
      { 'README.md': '# Bike rides in Lisbon\n', 'rides.ipynb': notebookOf(ALICE_CELLS, 'Bike rides') },
      { git: false },
    ),
    bob: repo(
      { 'README.md': '# Bike trips\n', 'analysis/trips.ipynb': notebookOf(BOB_CELLS, 'Trips') },
      { git: false },
    ),
    carol: repo({ 'README.md': '# Rent prices\n', 'src/scrape.py': CAROL_PY }, { git: false }),
    dave: repo(
      { 'README.md': '# Survey\n', 'survey.ipynb': notebookOf(DAVE_CELLS, 'Survey') },
      { git: false },
    ),
  };
  return { root, ...dirs };
}

async function profiles(paths: string[], collectors = CODE_COLLECTORS): Promise<RepoProfile[]> {
  const got = await profileCohort(paths, { collectors });
  assert.deepEqual(got.failures, []);
  return got.profiles;
}

describe('copy detection in a cohort', () => {
  it('finds the disguised copy and nothing else, with passages on both sides', async () => {
    const c = cohort();
    const list = await profiles([c.alice!, c.bob!, c.carol!, c.dave!]);
    const pairs = findCopies(list);
    assert.equal(pairs.length, 1);
    const [pair] = pairs;
    assert.equal(pair!.a, c.alice);
    assert.equal(pair!.b, c.bob);
    assert.ok(pair!.similarity >= 0.7, `similarity ${pair!.similarity}`);
    assert.ok(pair!.passages.length >= 2);
    for (const p of pair!.passages) {
      assert.equal(p.a.file, 'rides.ipynb');
      assert.equal(p.b.file, 'analysis/trips.ipynb');
      assert.ok(p.a.cell !== undefined && p.b.cell !== undefined);
      assert.ok(p.a.startLine >= 1 && p.a.endLine >= p.a.startLine);
    }
    // The weekday function is cell 4 in Alice's notebook and cell 2 in Bob's (markdown title is cell 0).
    assert.ok(pair!.passages.some((p) => p.a.cell === 4 && p.b.cell === 2));
  });

  it('lists unreadable repositories as failures and profiles the rest', async () => {
    const c = cohort();
    const got = await profileCohort([c.alice!, join(c.root!, 'missing')], { collectors: CODE_COLLECTORS });
    assert.equal(got.profiles.length, 1);
    assert.equal(got.failures.length, 1);
    assert.match(got.failures[0]!.reason, /No such folder/);
  });

  it('records binary, UTF-16 and unparseable files as problems instead of failing', async () => {
    const dir = repo(
      {
        'bin.py': new Uint8Array([0, 1, 2, 255, 0, 7, 0, 0]),
        'wide.py': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CAROL_PY, 'utf16le')]),
        'crlf.py': CAROL_PY.replace(/\n/g, '\r\n'),
        'broken.ipynb': '{"cells": [',
      },
      { git: false },
    );
    const got = await profileRepo(dir, { collectors: CODE_COLLECTORS });
    assert.ok(got.ok);
    const files = got.profile.code.units.map((u) => u.file);
    assert.ok(files.includes('wide.py') && files.includes('crlf.py'));
    assert.deepEqual(
      got.profile.code.problems.map((p) => p.file),
      ['bin.py'],
    );
    const wide = got.profile.code.fingerprints.filter(
      (f) => got.profile.code.units[f.unit]!.file === 'wide.py',
    );
    const crlf = got.profile.code.fingerprints.filter(
      (f) => got.profile.code.units[f.unit]!.file === 'crlf.py',
    );
    assert.deepEqual(
      wide.map((f) => f.hash),
      crlf.map((f) => f.hash),
    );
  });

  it('treats a folder of folders as a cohort, and a folder with files or .git as one repository', () => {
    const parent = tempDir();
    for (const name of ['b', 'a', '.hidden']) mkdirSync(join(parent, name));
    assert.deepEqual(expandRepoDirs([parent]), [join(parent, 'a'), join(parent, 'b')]);
    const withGit = tempDir();
    mkdirSync(join(withGit, '.git'));
    mkdirSync(join(withGit, 'src'));
    const withFile = repo({ 'nb/x.py': 'x = 1\n', 'README.md': '# x\n' }, { git: false });
    assert.deepEqual(expandRepoDirs([withGit, withFile]), [withGit, withFile]);
  });
});

describe('similarity index', () => {
  it('round-trips: neighbours of a disguised copy name the original, with what they share', async () => {
    const c = cohort();
    const indexed = await profiles([c.alice!, c.carol!, c.dave!], undefined);
    const out = join(tempDir(), 'index.db');
    const stats = writeIndex(out, indexed, 'unherd-test');
    assert.equal(stats.repos, 3);
    assert.ok(stats.fingerprints > 0);
    const [bob] = await profiles([c.bob!], undefined);
    const index = SimilarityIndex.open(out);
    try {
      assert.equal(index.size, 3);
      assert.equal(index.meta('schema'), String(INDEX_SCHEMA_VERSION));
      const got = index.neighbours(bob!);
      assert.equal(got.compared, 3);
      assert.equal(got.nearest[0]?.path, c.alice);
      assert.ok(got.nearest[0]!.parts.code >= 0.7);
      assert.ok(got.nearest[0]!.shared.passages.length >= 2);
      assert.ok(got.nearest[0]!.shared.passages.every((p) => p.b.file === 'rides.ipynb'));
      assert.ok(got.nearest.every((n) => n.path !== c.carol));
      assert.ok(got.herdLikeness.code > 0 && got.herdLikeness.overall <= 1);
    } finally {
      index.close();
    }
  });

  it('does not report a repository as its own neighbour', async () => {
    const c = cohort();
    const indexed = await profiles([c.alice!, c.carol!], undefined);
    const out = join(tempDir(), 'index.db');
    writeIndex(out, indexed, 'unherd-test');
    const index = SimilarityIndex.open(out);
    try {
      assert.ok(index.neighbours(indexed[0]!).nearest.every((n) => n.path !== c.alice));
    } finally {
      index.close();
    }
  });

  it('refuses an index of another schema version and says how to rebuild it', async () => {
    const c = cohort();
    const out = join(tempDir(), 'old.db');
    writeIndex(out, await profiles([c.carol!]), 'unherd-test');
    const db = new Database(out);
    db.pragma('user_version = 99');
    db.close();
    assert.throws(
      () => SimilarityIndex.open(out),
      (err: unknown) =>
        err instanceof UnherdError &&
        /schema 99/.test(err.message) &&
        /unherd herd index/.test(err.hint ?? ''),
    );
  });

  it('makes random bytes, a truncated file, another database and a missing file typed errors', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    assert.throws(() => SimilarityIndex.open(junk), UnherdError);

    const c = cohort();
    const good = join(dir, 'good.db');
    const list = await profiles([c.alice!, c.bob!, c.carol!, c.dave!]);
    writeIndex(good, list, 'unherd-test');
    const cut = join(dir, 'cut.db');
    const bytes = readFileSync(good);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    assert.throws(() => {
      const index = SimilarityIndex.open(cut);
      try {
        index.neighbours(list[1]!);
      } finally {
        index.close();
      }
    }, UnherdError);

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    assert.throws(() => SimilarityIndex.open(other), /not an unherd similarity index/);

    assert.throws(
      () => SimilarityIndex.open(join(dir, 'nope.db')),
      (err: unknown) => err instanceof UnherdError && err.code === 'NOT_FOUND',
    );
  });
});
