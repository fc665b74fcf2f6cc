import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { type CliIo, runCli } from '../../cli/main.js';
import { profileCohort } from './cohort.js';
import { baseFingerprints, compareCohort, findCopies } from './copies.js';
import { CODE_COLLECTORS } from './profile.js';

/** Starter code a course hands every student: the cells of the lab notebook, written for this test. */
const STARTER_CELLS = [
  'import requests\nimport pandas as pd\nimport numpy as np\nimport datetime\npd.set_option("display.max_columns", None)\npd.set_option("display.max_colwidth", None)',
  'def getBoosterVersion(data):\n    for x in data["rocket"]:\n        if x:\n            response = requests.get("https://api.spacexdata.com/v4/rockets/" + str(x)).json()\n            BoosterVersion.append(response["name"])',
  'def getLaunchSite(data):\n    for x in data["launchpad"]:\n        if x:\n            response = requests.get("https://api.spacexdata.com/v4/launchpads/" + str(x)).json()\n            Longitude.append(response["longitude"])\n            Latitude.append(response["latitude"])\n            LaunchSite.append(response["name"])',
  'def getCoreData(data):\n    for core in data["cores"]:\n        if core["core"] is not None:\n            response = requests.get("https://api.spacexdata.com/v4/cores/" + core["core"]).json()\n            Block.append(response["block"])\n            ReusedCount.append(response["reuse_count"])\n            Serial.append(response["serial"])\n        else:\n            Block.append(None)\n            ReusedCount.append(None)\n            Serial.append(None)\n        Outcome.append(str(core["landing_success"]) + " " + str(core["landing_type"]))\n        Flights.append(core["flight"])\n        GridFins.append(core["gridfins"])\n        Reused.append(core["reused"])\n        Legs.append(core["legs"])\n        LandingPad.append(core["landpad"])',
  'spacex_url = "https://api.spacexdata.com/v4/launches/past"\nresponse = requests.get(spacex_url)\ndata = pd.json_normalize(response.json())\ndata = data[["rocket", "payloads", "launchpad", "cores", "flight_number", "date_utc"]]\ndata = data[data["cores"].map(len) == 1]\ndata = data[data["payloads"].map(len) == 1]\ndata["cores"] = data["cores"].map(lambda x: x[0])\ndata["payloads"] = data["payloads"].map(lambda x: x[0])\ndata["date"] = pd.to_datetime(data["date_utc"]).dt.date\ndata = data[data["date"] <= datetime.date(2020, 11, 13)]',
];

/** What each student wrote after the starter cells: their own, different analyses. */
const ALICE_OWN = [
  'launches = df.groupby("LaunchSite").agg(total=("Class", "size"), landed=("Class", "sum"))\nlaunches["rate"] = launches["landed"] / launches["total"]\nfor site, row in launches.sort_values("rate").iterrows():\n    print(f"{site}: {row.landed} of {row.total} landed ({row.rate:.0%})")',
  'def orbit_success(frame, orbit_column="Orbit"):\n    grouped = frame.groupby(orbit_column)["Class"].mean()\n    ordered = grouped.sort_values(ascending=False)\n    return ordered.rename("success")\n\nrates = orbit_success(df)\nassert rates.between(0, 1).all()\nrates.plot(kind="barh", title="Landing success by orbit")',
  'yearly = df.assign(year=pd.to_datetime(df["Date"]).dt.year).groupby("year")["Class"].mean()\nprint(yearly.round(2).to_dict())\nwindow = yearly.rolling(3, min_periods=1).mean()\nwindow.plot(title="Three-year success trend")',
];
const BOB_OWN = [
  'payload_bins = pd.cut(df["PayloadMass"], bins=[0, 2000, 4000, 6000, 8000, 16000])\ntable = pd.crosstab(payload_bins, df["Class"], normalize="index")\nprint(table)\nheavy = df[df["PayloadMass"] > 8000]\nprint(len(heavy), "heavy launches")',
  'from sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import GridSearchCV\nparameters = {"C": [0.01, 0.1, 1], "penalty": ["l2"], "solver": ["lbfgs"]}\nsearch = GridSearchCV(LogisticRegression(), parameters, cv=10)\nsearch.fit(X_train, Y_train)\nprint(search.best_params_, search.best_score_)',
  'confusion = pd.crosstab(Y_test, search.predict(X_test), rownames=["actual"], colnames=["predicted"])\nprint(confusion)\nmistakes = X_test[Y_test != search.predict(X_test)]\nprint(mistakes.describe())',
];
/** Alice's own cells disguised: names changed, reformatted, a comment added. */
const CAROL_OWN = [
  '# landing rate by site\nby_site = frame.groupby( "LaunchSite" ).agg(total = ("Class", "size"), landed = ("Class", "sum"))\nby_site["rate"] = by_site["landed"] / by_site["total"]\nfor name, r in by_site.sort_values("rate").iterrows():\n    print(f"{name}: {r.landed}/{r.total} ({r.rate:.1%})")',
  'def success_by_orbit(d, col="Orbit"):\n    g = d.groupby(col)["Class"].mean()\n    o = g.sort_values(ascending=False)\n    return o.rename("success")\n\nout = success_by_orbit(frame)\nassert out.between(0, 1).all()\nout.plot(kind="barh", title="Success per orbit")',
  'per_year = frame.assign(year=pd.to_datetime(frame["Date"]).dt.year).groupby("year")["Class"].mean()\nprint(per_year.round(2).to_dict())\nsmooth = per_year.rolling(3, min_periods=1).mean()\nsmooth.plot(title="Trend")',
];

const README = (who: string) =>
  `# SpaceX Falcon 9 first stage landing\n\nMy Applied Data Science Capstone (${who}): predicting whether the Falcon 9 first stage lands.\n`;

function student(who: string, own: string[]): string {
  return repo({
    'README.md': README(who),
    'dataset_part_1.csv':
      'FlightNumber,Date,BoosterVersion,PayloadMass,Orbit,LaunchSite,Outcome\n1,2010-06-04,Falcon 9,6104,LEO,CCAFS SLC 40,None None\n',
    'spacex-data-collection-api.ipynb': notebook([
      md('# SpaceX launch data'),
      ...STARTER_CELLS.map((c, i) => code(c, { exec: i + 1 })),
    ]),
    'analysis.ipynb': notebook(own.map((c, i) => code(c, { exec: i + 1 }))),
  });
}

function starter(): string {
  return repo(
    {
      'labs/spacex-data-collection-api.ipynb': notebook([
        md('# Lab: collecting the data'),
        ...STARTER_CELLS.map((c) => code(c)),
      ]),
    },
    { git: false },
  );
}

async function cli(args: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const stream = (write: (s: string) => void) => ({
    write: (s: string) => {
      write(s);
      return true;
    },
    isTTY: false,
    columns: 100,
  });
  const io = {
    stdout: stream((s) => {
      stdout += s;
    }),
    stderr: stream(() => {}),
    env: { NO_COLOR: '1' },
  } as unknown as CliIo;
  return { status: await runCli(args, io), stdout };
}

describe('copies versus shared course starter code (--base)', () => {
  it('clears two students who only share the capstone starter code, and still finds a disguised copy', async () => {
    const alice = student('Alice', ALICE_OWN);
    const bob = student('Bob', BOB_OWN);
    const carol = student('Carol', CAROL_OWN);
    const { profiles } = await profileCohort([alice, bob, carol], { collectors: CODE_COLLECTORS });
    const { profiles: base } = await profileCohort([starter()], { collectors: CODE_COLLECTORS });

    // Without the starter code, Alice and Bob look like near-copies: the false accusation.
    const naive = findCopies(profiles);
    assert.ok(naive.some((p) => p.a === alice && p.b === bob));

    const found = compareCohort(profiles, 0.5, { base: baseFingerprints(base) });
    assert.ok(!found.pairs.some((p) => p.a === alice && p.b === bob), 'Alice and Bob are not copies');
    const cleared = found.starterOnly.find((p) => p.a === alice && p.b === bob);
    assert.ok(cleared?.starter, 'their likeness is reported as shared starter code');
    assert.ok(cleared.similarity < 0.2, `remaining similarity ${cleared.similarity}`);
    assert.ok(cleared.starter.withStarter >= 0.5);
    assert.ok(cleared.starter.passages.length > 0);
    assert.ok(cleared.starter.passages.every((p) => p.a.file === 'spacex-data-collection-api.ipynb'));

    const copy = found.pairs.find((p) => p.a === alice && p.b === carol);
    assert.ok(copy, 'the disguised copy is still found');
    assert.ok(copy.similarity >= 0.5, `copy similarity ${copy.similarity}`);
    assert.ok(
      copy.passages.every((p) => p.a.file === 'analysis.ipynb'),
      'copied passages are the own code',
    );
    assert.ok((copy.starter?.passages.length ?? 0) > 0, 'the starter code they also share is told apart');
  });

  it('names the capstone both match and says so in every format', async () => {
    const alice = student('Alice', ALICE_OWN);
    const bob = student('Bob', BOB_OWN);
    const base = starter();
    const json = await cli(['herd', 'copies', alice, bob, '--format', 'json', '--base', base]);
    assert.equal(json.status, 0);
    const out = JSON.parse(json.stdout);
    assert.deepEqual(out.pairs, []);
    assert.equal(out.base.dirs[0], base);
    assert.ok(out.base.fingerprints > 0);
    assert.equal(out.starterOnly.length, 1);
    assert.equal(out.starterOnly[0].starter.capstone, 'ibm-spacex-falcon9');

    const text = await cli(['herd', 'copies', alice, bob, '--base', base]);
    assert.match(text.stdout, /0 near-copies among 2 repositories/);
    assert.match(text.stdout, /Shared starter code, not copies:/);
    assert.match(text.stdout, /shared starter code of the ibm-spacex-falcon9 capstone, not copying/);
    const markdown = await cli(['herd', 'copies', alice, bob, '--format', 'markdown', '--base', base]);
    assert.match(markdown.stdout, /## Shared starter code, not copies/);
  });

  it('refuses a --base folder it cannot read, naming it', async () => {
    const alice = student('Alice', ALICE_OWN);
    const got = await cli(['herd', 'copies', alice, '--base', `${alice}/no-such-starter`]);
    assert.notEqual(got.status, 0);
  });
});
