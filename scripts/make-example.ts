/**
 * Builds the example repositories under examples/ (`npm run example`): a strong, own-data project
 * worked on for four months, and a one-commit Titanic upload. All content is written here by us;
 * nothing is copied from anyone's work. Idempotent: each folder is deleted and rebuilt, and commits
 * carry fixed dates and authors, so the same script gives the same commit hashes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { code, imageOutput, md, notebook, resultOutput, streamOutput } from '../test/helpers/notebook.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const AUTHOR = { name: 'Mara Okafor', email: 'mara.okafor@example.com' };

interface Step {
  message: string;
  files: Record<string, string>;
}

/** Plain git, ignoring the user's and the system's config, so the result is the same everywhere. */
function git(dir: string, args: string[], date?: string): void {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
  };
  if (date) {
    env.GIT_AUTHOR_DATE = date;
    env.GIT_COMMITTER_DATE = date;
  }
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function build(name: string, steps: Step[], dates: string[]): string {
  const dir = join(EXAMPLES, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  steps.forEach((step, i) => {
    for (const [path, content] of Object.entries(step.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', step.message], dates[i]);
  });
  return dir;
}

/** Working days spread over `days` from `start`, at varying hours; fixed, so rebuilds are identical. */
function spreadDates(start: string, days: number, n: number): string[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const day = Math.round((i * days) / (n - 1));
    const hour = 8 + ((i * 7) % 12);
    const minute = (i * 23) % 60;
    return new Date(t0 + day * 86_400_000 + hour * 3_600_000 + minute * 60_000).toISOString();
  });
}

// ---------------------------------------------------------------------------------------------
// strong-project: how fast do second-hand bikes sell? Listings scraped from a classifieds site.
// ---------------------------------------------------------------------------------------------

const README_PARTS = {
  title: `# How fast do second-hand bikes sell?

Sellers on local classifieds guess a price and wait. This project collects bike listings from a
city classifieds site every day, records how long each stays online, and estimates the days to sale
for a new listing so a seller can price it to sell within a week.
`,
  problem: `
## Problem

A seller wants to know: at this price, how many days until my bike is gone? Classifieds sites show
no history, so there is no public data set; I built one.
`,
  data: `
## Data

Collected by \`src/bikeshelf/scrape.py\` from the public listing pages of a city classifieds site,
once a day from February to May 2024: 6,214 listings, 4,870 of them seen disappearing. Personal data
(seller names, phone numbers) is never stored. See [data/README.md](data/README.md) for the collection
rules and \`data/sample/listings_sample.csv\` for a 30-row sample used by the tests and the demo.
`,
  method: `
## Method

A listing's days on market is the time between its first and last sighting. Features come from the
listing card: price, bike type, brand, frame size, wheel size, postcode distance to the centre and the
month. Models are trained on listings posted before 1 May and evaluated on those posted after it, so the
test set is in the future of the training set.
`,
  results: `
## Results

| model | MAE (days) | share within ±3 days |
| --- | --- | --- |
| baseline: median per bike type | 9.8 | 31% |
| gradient boosting | 6.1 | 47% |

Cheap city bikes sell fastest; road bikes priced above the median for their brand sit the longest.
`,
  baseline: `
## Baseline

The baseline predicts the median days on market of the listing's bike type. Anything that cannot beat
it is not worth showing a seller.
`,
  limitations: `
## Limitations

- One city and one site: prices and demand elsewhere differ.
- A listing that disappears may have been withdrawn rather than sold; I cannot tell the two apart.
- Four months cover spring only; winter demand is likely lower.
`,
  run: `
## How to run

\`\`\`sh
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt
make test            # unit tests
make train           # trains on data/sample unless data/raw exists
make serve           # API on http://localhost:8000/docs
\`\`\`

Or with Docker: \`docker build -t bikeshelf . && docker run -p 8000:8000 bikeshelf\`.
`,
};

function readme(parts: (keyof typeof README_PARTS)[]): string {
  return parts.map((p) => README_PARTS[p]).join('');
}

const REQUIREMENTS = [
  'requests==2.32.3',
  'beautifulsoup4==4.12.3',
  'pandas==2.2.2',
  'matplotlib==3.9.0',
  'scikit-learn==1.4.2',
  'joblib==1.4.2',
  'fastapi==0.111.0',
  'uvicorn==0.30.1',
  'httpx==0.27.0',
  'pytest==8.2.2',
];

function requirements(count: number, sklearn = '1.4.2'): string {
  return `${REQUIREMENTS.slice(0, count)
    .map((r) => (r.startsWith('scikit-learn') ? `scikit-learn==${sklearn}` : r))
    .join('\n')}\n`;
}

function scraper(version: 1 | 2 | 3): string {
  const polite =
    version >= 2
      ? `
ROBOTS = urllib.robotparser.RobotFileParser(BASE_URL + "/robots.txt")
DELAY_SECONDS = 5  # one page every five seconds keeps the load negligible


def allowed(url: str) -> bool:
    ROBOTS.read()
    return ROBOTS.can_fetch(USER_AGENT, url)
`
      : '';
  const store =
    version >= 3
      ? `

def save_day(cards: list[dict], folder: Path, day: date) -> Path:
    """Stores one day's sightings as JSON lines, so days on market can be computed later."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"listings-{day.isoformat()}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for card in cards:
            out.write(json.dumps(card, ensure_ascii=False) + "\\n")
    return path
`
      : '';
  return `"""Collects bike listings from the classifieds site's public search pages."""
import json
import time
import urllib.robotparser
from datetime import date
from pathlib import Path

import requests
from bs4 import BeautifulSoup

BASE_URL = "https://classifieds.example.org"
SEARCH_URL = BASE_URL + "/fahrraeder/leipzig?page={page}"
USER_AGENT = "bikeshelf-research/1.0 (contact: mara.okafor@example.com)"
${polite}

def fetch_page(page: int) -> str:
    url = SEARCH_URL.format(page=page)
    response = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=30)
    response.raise_for_status()
    return response.text


def listing_cards(html: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    cards = []
    for article in soup.select("article.listing"):
        cards.append({"id": article["data-id"], "html": str(article)})
    return cards


def scrape(pages: int = 20) -> list[dict]:
    cards = []
    for page in range(1, pages + 1):
        cards.extend(listing_cards(fetch_page(page)))
        ${version >= 2 ? 'time.sleep(DELAY_SECONDS)' : 'time.sleep(1)'}
    return cards
${store}`;
}

const PARSE_FIELDS = [
  ['title', 'card.select_one("h2").get_text(strip=True)'],
  ['price_eur', 'parse_price(card.select_one(".price").get_text(strip=True))'],
  ['posted', 'card.select_one("time")["datetime"][:10]'],
  ['frame_cm', 'find_number(card.get_text(" "), r"(\\d{2})\\s*cm")'],
  ['wheel_in', 'find_number(card.get_text(" "), r"(\\d{2})\\s*(?:zoll|\\")")'],
  ['postcode', 'find_number(card.select_one(".location").get_text(), r"(\\d{5})")'],
] as const;

function parser(fields: number, negotiable: boolean, mayLayout: boolean): string {
  const price = negotiable
    ? `def parse_price(text: str) -> float | None:
    """'450 € VB' -> 450.0; 'VB' alone (negotiable, no number) -> None."""
    digits = re.sub(r"[^0-9]", "", text)
    return float(digits) if digits else None`
    : `def parse_price(text: str) -> float:
    return float(re.sub(r"[^0-9]", "", text))`;
  const select = mayLayout
    ? `    # The site moved the price into a <data> element in May 2024; accept both layouts.
    if card.select_one(".price") is None and card.select_one("data.price"):
        card.select_one("data.price")["class"] = "price"
`
    : '';
  return `"""Turns one listing card's HTML into a flat record."""
import re

from bs4 import BeautifulSoup


${price}


def find_number(text: str, pattern: str) -> int | None:
    match = re.search(pattern, text, flags=re.IGNORECASE)
    return int(match.group(1)) if match else None


def parse_card(html: str) -> dict:
    card = BeautifulSoup(html, "html.parser")
${select}    return {
${PARSE_FIELDS.slice(0, fields)
  .map(([k, v]) => `        "${k}": ${v},`)
  .join('\n')}
    }
`;
}

function parserTests(cases: number): string {
  const all = [
    `def test_parses_title_price_and_date():
    record = parse_card(CARD.format(price="450 €"))
    assert record["title"] == "Gazelle city bike, 28 inch"
    assert record["price_eur"] == 450.0
    assert record["posted"] == "2024-02-12"`,
    `def test_negotiable_without_number_has_no_price():
    assert parse_card(CARD.format(price="VB"))["price_eur"] is None`,
    `def test_frame_and_wheel_size_from_text():
    record = parse_card(CARD.format(price="300 €"))
    assert record["frame_cm"] == 56
    assert record["wheel_in"] == 28`,
    `def test_may_2024_layout_with_data_element():
    html = CARD.replace('<p class="price">{price}</p>', '<data class="price">{price}</data>')
    assert parse_card(html.format(price="120 €"))["price_eur"] == 120.0`,
  ];
  return `from bikeshelf.parse import parse_card

CARD = (
    '<article class="listing" data-id="1"><h2>Gazelle city bike, 28 inch</h2>'
    '<p class="price">{price}</p><time datetime="2024-02-12T09:30">12.02.</time>'
    '<p>Frame 56 cm, 28 zoll wheels</p><p class="location">04109 Leipzig</p></article>'
)


${all.slice(0, cases).join('\n\n\n')}
`;
}

const FEATURES = [
  `def log_price(row: dict) -> float:
    """Prices are skewed; sellers think in ratios, not euros."""
    return math.log1p(row["price_eur"] or 0.0)`,
  `def listing_age_days(row: dict, seen: date) -> int:
    return (seen - date.fromisoformat(row["posted"])).days`,
  `BRANDS = ("gazelle", "cube", "trek", "giant", "kalkhoff", "specialized", "canyon")


def brand(row: dict) -> str:
    title = row["title"].lower()
    return next((b for b in BRANDS if b in title), "other")`,
  `CENTRE = (51.3397, 12.3731)


def km_to_centre(row: dict, postcodes: dict[int, tuple[float, float]]) -> float | None:
    """Great-circle distance from the postcode's centroid to the market square."""
    point = postcodes.get(row["postcode"])
    if point is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*point, *CENTRE))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))`,
  `def month(row: dict) -> int:
    """Spring demand rises week by week; the month carries that."""
    return date.fromisoformat(row["posted"]).month`,
];

function features(count: number): string {
  return `"""Feature functions: each takes one parsed listing and returns one value."""
import math
from datetime import date


${FEATURES.slice(0, count).join('\n\n\n')}
`;
}

function featureTests(count: number): string {
  const all = [
    `def test_log_price_handles_missing_price():
    assert log_price({"price_eur": None}) == 0.0
    assert round(log_price({"price_eur": 99.0}), 3) == 4.605`,
    `def test_listing_age():
    assert listing_age_days({"posted": "2024-03-01"}, date(2024, 3, 11)) == 10`,
    `def test_brand_from_title():
    assert brand({"title": "Cube Aim 27.5 MTB"}) == "cube"
    assert brand({"title": "Old Dutch bike"}) == "other"`,
  ];
  return `from datetime import date

from bikeshelf.features import brand, listing_age_days, log_price


${all.slice(0, count).join('\n\n\n')}
`;
}

function train(version: 1 | 2 | 3): string {
  const model =
    version >= 2
      ? `
def fit_model(train: pd.DataFrame) -> HistGradientBoostingRegressor:
    model = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, random_state=7)
    model.fit(train[FEATURES], train[TARGET])
    return model
`
      : '';
  const report =
    version >= 3
      ? `
    model = fit_model(train)
    scores["gradient_boosting_mae"] = mean_absolute_error(test[TARGET], model.predict(test[FEATURES]))
    joblib.dump(model, config.MODEL_PATH)
    config.METRICS_PATH.write_text(json.dumps(scores, indent=2))`
      : version === 2
        ? `
    model = fit_model(train)
    scores["gradient_boosting_mae"] = mean_absolute_error(test[TARGET], model.predict(test[FEATURES]))`
        : '';
  return `"""Trains the baseline${version >= 2 ? ' and the model' : ''} with a time-based split and prints the errors."""
import json

import joblib
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

from bikeshelf import config

TARGET = "days_on_market"
FEATURES = ["log_price", "frame_cm", "wheel_in", "km_to_centre", "month"]
SPLIT_DATE = "2024-05-01"


def time_split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Train on the past, test on the future: a random split would leak seasonal demand."""
    return frame[frame["posted"] < SPLIT_DATE], frame[frame["posted"] >= SPLIT_DATE]


def baseline_predict(train: pd.DataFrame, test: pd.DataFrame) -> pd.Series:
    medians = train.groupby("bike_type")[TARGET].median()
    return test["bike_type"].map(medians).fillna(train[TARGET].median())
${model}

def main() -> None:
    frame = pd.read_csv(config.listings_path(), parse_dates=False)
    train, test = time_split(frame)
    scores = {"baseline_mae": mean_absolute_error(test[TARGET], baseline_predict(train, test))}${report}
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
`;
}

const CONFIG = `"""Paths and schedule in one place, relative to the repository so the project runs anywhere."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = ROOT / "data" / "raw"
SAMPLE_PATH = ROOT / "data" / "sample" / "listings_sample.csv"
MODEL_PATH = ROOT / "models" / "days_to_sale.joblib"
METRICS_PATH = ROOT / "reports" / "metrics.json"
SCRAPE_HOUR_UTC = 6


def listings_path() -> Path:
    """The full data set when it has been collected, else the sample shipped with the repository."""
    full = RAW_DIR / "listings.csv"
    return full if full.exists() else SAMPLE_PATH
`;

function app(withModel: boolean): string {
  return `"""A small API: post a listing, get the estimated days until it sells."""
${withModel ? 'import joblib\n' : ''}import math

from fastapi import FastAPI
from pydantic import BaseModel, Field

${withModel ? 'from bikeshelf import config\n\n' : ''}app = FastAPI(title="bikeshelf", version="0.3.0")
${withModel ? 'MODEL = joblib.load(config.MODEL_PATH) if config.MODEL_PATH.exists() else None\n' : ''}

class Listing(BaseModel):
    price_eur: float = Field(gt=0)
    frame_cm: int = Field(ge=30, le=70)
    wheel_in: int = Field(ge=12, le=29)
    km_to_centre: float = Field(ge=0)
    month: int = Field(ge=1, le=12)


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.post("/estimate")
def estimate(listing: Listing) -> dict:
    row = [[math.log1p(listing.price_eur), listing.frame_cm, listing.wheel_in, listing.km_to_centre, listing.month]]
    ${withModel ? 'days = float(MODEL.predict(row)[0]) if MODEL is not None else 9.0' : 'days = 9.0  # baseline median until the model is wired in'}
    return {"days_to_sale": round(days, 1)}
`;
}

const APP_TESTS = `from fastapi.testclient import TestClient

from bikeshelf.app import app

client = TestClient(app)


def test_health():
    assert client.get("/health").json() == {"status": "ok"}


def test_estimate_rejects_a_negative_price():
    body = {"price_eur": -5, "frame_cm": 56, "wheel_in": 28, "km_to_centre": 2.0, "month": 4}
    assert client.post("/estimate", json=body).status_code == 422
`;

// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS placeholder
const MATRIX_PYTHON = '${{ matrix.python }}';

function workflow(matrix: boolean): string {
  return `name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
${matrix ? '    strategy:\n      matrix:\n        python: ["3.11", "3.12"]\n' : ''}    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${matrix ? MATRIX_PYTHON : '"3.11"'}
${matrix ? '          cache: pip\n' : ''}      - run: pip install -r requirements.txt
      - run: PYTHONPATH=src pytest -q
`;
}

const DOCKERFILE = `FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY src/ src/
COPY models/ models/
ENV PYTHONPATH=/app/src
EXPOSE 8000
CMD ["uvicorn", "bikeshelf.app:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const MAKEFILE = `PY ?= python
export PYTHONPATH := src

.PHONY: data train test serve

data:
\t$(PY) -m bikeshelf.scrape

train:
\t$(PY) -m bikeshelf.train

test:
\t$(PY) -m pytest -q

serve:
\tuvicorn bikeshelf.app:app --reload
`;

const DATA_README = `# Data

- **Source:** public search pages of a city classifieds site, category bicycles, one city.
- **Collected by:** \`src/bikeshelf/scrape.py\`, once a day at 06:00 UTC, 20 pages, five seconds apart,
  only where robots.txt allows it, with a User-Agent that names the project and a contact address.
- **Kept:** listing id, title, price, posting date, frame and wheel size, postcode. Seller names and
  phone numbers are never stored.
- **Days on market:** last day a listing was seen minus its posting date.
- \`sample/listings_sample.csv\` is a 30-row sample with made-up titles for tests and the demo. The full
  data set (\`raw/\`) is not committed; \`make data\` collects a fresh one.
`;

function sampleCsv(): string {
  const types = ['city', 'road', 'mtb', 'trekking', 'kids'];
  const brands = ['Gazelle', 'Cube', 'Trek', 'Giant', 'Kalkhoff', 'Canyon'];
  const rows = ['id,title,price_eur,posted,frame_cm,wheel_in,postcode,bike_type,days_on_market'];
  for (let i = 0; i < 30; i++) {
    const type = types[i % types.length]!;
    const brandName = brands[(i * 7) % brands.length]!;
    const price = 80 + ((i * 137) % 900);
    const day = 1 + ((i * 11) % 28);
    const monthNo = 2 + (i % 4);
    rows.push(
      [
        1000 + i,
        `${brandName} ${type} bike`,
        price,
        `2024-0${monthNo}-${String(day).padStart(2, '0')}`,
        type === 'kids' ? 34 : 48 + (i % 12),
        type === 'kids' ? 20 : 28,
        `041${String(i % 80).padStart(2, '0')}`,
        type,
        2 + ((i * 5 + price) % 23),
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

function exploreNotebook(stage: 1 | 2 | 3): string {
  const cells = [
    md('# Listings: prices and days on market\n\nFirst look at what the scraper collected.'),
    code(
      'import pandas as pd\nimport matplotlib.pyplot as plt\n\nlistings = pd.read_csv("../data/sample/listings_sample.csv")\nlistings.shape',
      {
        exec: 1,
        outputs: [resultOutput('(30, 9)', 1)],
      },
    ),
    code('listings["days_on_market"].describe()', {
      exec: 2,
      outputs: [resultOutput('count    30.0\nmean     12.4\nmin       2.0\nmax      24.0', 2)],
    }),
    code('listings["price_eur"].plot.hist(bins=15)\nplt.xlabel("price (EUR)")', {
      exec: 3,
      outputs: [imageOutput()],
    }),
  ];
  if (stage >= 2) {
    cells.push(
      md('## Baseline errors by price band\n\nThe median per bike type misses most on expensive road bikes.'),
      code(
        'listings["band"] = pd.qcut(listings["price_eur"], 3, labels=["low", "mid", "high"])\nlistings.groupby("band")["days_on_market"].median()',
        { exec: 4, outputs: [resultOutput('band\nlow      8.0\nmid     12.0\nhigh    17.5', 4)] },
      ),
    );
  }
  if (stage >= 3) {
    cells.push(
      md('## Residuals by brand and month'),
      code('print("residual spread is largest for road bikes in May")', {
        exec: 5,
        outputs: [streamOutput('residual spread is largest for road bikes in May\n')],
      }),
      code('plt.scatter(listings["price_eur"], listings["days_on_market"])', {
        exec: 6,
        outputs: [imageOutput()],
      }),
    );
  }
  return notebook(cells);
}

const JOURNAL_ENTRIES = [
  'Week 1: the search pages are plain HTML, no JavaScript needed. 412 listings on day one.',
  'Week 2: about 8% of listings say only "VB" (negotiable) and give no number.',
  'Week 4: listings disappear in bursts on Sunday evenings; scraping daily is enough.',
  'Week 6: a relisting counter leaked the target; dropped it from the features.',
  'Week 9: seasonal demand is visible: April listings sell two days faster than March ones.',
  'Week 12: the site changed its card layout on 6 May; the parser now accepts both.',
  'Week 15: the model beats the baseline by 3.7 days MAE on May listings; write-up next.',
];

function journal(count: number): string {
  return `# Lab journal\n\n${JOURNAL_ENTRIES.slice(0, count)
    .map((e) => `- ${e}`)
    .join('\n')}\n`;
}

const GITIGNORE = '.venv/\n__pycache__/\n.pytest_cache/\ndata/raw/\nmodels/*.joblib\n';

function strongSteps(): Step[] {
  const s = (message: string, files: Record<string, string>): Step => ({ message, files });
  return [
    s('Start project: the question and the plan in the README', { 'README.md': readme(['title']) }),
    s('Ignore virtualenvs, caches and raw data', { '.gitignore': GITIGNORE }),
    s('Pin requests and BeautifulSoup for the scraper', { 'requirements.txt': requirements(2) }),
    s('Scrape the first search page with requests and BeautifulSoup', {
      'src/bikeshelf/__init__.py': '"""Days-to-sale estimates for second-hand bike listings."""\n',
      'src/bikeshelf/scrape.py': scraper(1),
    }),
    s('Respect robots.txt and wait five seconds between pages', { 'src/bikeshelf/scrape.py': scraper(2) }),
    s('Parse title, price and posting date from listing cards', {
      'src/bikeshelf/parse.py': parser(3, false, false),
    }),
    s('Add the first parser test on a hand-written card', { 'tests/test_parse.py': parserTests(1) }),
    s('Write down where the data comes from and what is never stored', { 'data/README.md': DATA_README }),
    s('Journal: first week of scraping', { 'docs/journal.md': journal(1) }),
    s('Store each day of sightings as dated JSON lines', { 'src/bikeshelf/scrape.py': scraper(3) }),
    s('Describe the problem for sellers in the README', { 'README.md': readme(['title', 'problem']) }),
    s('Handle negotiable listings that give no price', {
      'src/bikeshelf/parse.py': parser(3, true, false),
      'tests/test_parse.py': parserTests(2),
    }),
    s('Journal: how common negotiable prices are', { 'docs/journal.md': journal(2) }),
    s('Parse frame and wheel size from the description text', {
      'src/bikeshelf/parse.py': parser(5, true, false),
      'tests/test_parse.py': parserTests(3),
    }),
    s('Run pytest on every push with GitHub Actions', { '.github/workflows/tests.yml': workflow(false) }),
    s('Parse the postcode for a distance feature later', {
      'src/bikeshelf/parse.py': parser(6, true, false),
    }),
    s('Add a 30-row sample with made-up titles for tests and the demo', {
      'data/sample/listings_sample.csv': sampleCsv(),
    }),
    s('Pin pandas and matplotlib for exploration', { 'requirements.txt': requirements(4) }),
    s('Explore prices and days on market in a notebook', {
      'notebooks/01-explore-listings.ipynb': exploreNotebook(1),
    }),
    s('Journal: listings disappear in Sunday bursts', { 'docs/journal.md': journal(3) }),
    s('Feature: log price, since sellers think in ratios', { 'src/bikeshelf/features.py': features(1) }),
    s('Test log price on a missing price', { 'tests/test_features.py': featureTests(1) }),
    s('Feature: listing age in days at the time it was seen', { 'src/bikeshelf/features.py': features(2) }),
    s('Test listing age on a fixed date', { 'tests/test_features.py': featureTests(2) }),
    s('Feature: brand from the title with a small lookup table', {
      'src/bikeshelf/features.py': features(3),
    }),
    s('Test brand lookup, including unknown brands', { 'tests/test_features.py': featureTests(3) }),
    s('Keep paths in a config module, relative to the repository', { 'src/bikeshelf/config.py': CONFIG }),
    s('Pin scikit-learn and joblib for modelling', { 'requirements.txt': requirements(6) }),
    s('Baseline: median days on market per bike type, time-based split', {
      'src/bikeshelf/train.py': train(1),
    }),
    s('Add Makefile targets for data, train, test and serve', { Makefile: MAKEFILE }),
    s('Explain the baseline in the README', {
      'README.md': readme(['title', 'problem', 'data', 'baseline']),
    }),
    s('Notebook: baseline errors by price band', {
      'notebooks/01-explore-listings.ipynb': exploreNotebook(2),
    }),
    s('Train gradient boosting on the same time-based split', { 'src/bikeshelf/train.py': train(2) }),
    s('Journal: a relisting counter leaked the target', { 'docs/journal.md': journal(4) }),
    s('Feature: distance from the postcode to the market square', {
      'src/bikeshelf/features.py': features(4),
    }),
    s('Describe the method in the README', {
      'README.md': readme(['title', 'problem', 'data', 'method', 'baseline']),
    }),
    s('Pin FastAPI, uvicorn and httpx for the API', { 'requirements.txt': requirements(9) }),
    s('Add a FastAPI app that estimates days to sale for a listing', { 'src/bikeshelf/app.py': app(false) }),
    s('Test the API with TestClient, including bad input', { 'tests/test_app.py': APP_TESTS }),
    s('Add a Dockerfile that serves the API with uvicorn', { Dockerfile: DOCKERFILE }),
    s('Feature: month of posting for seasonal demand', { 'src/bikeshelf/features.py': features(5) }),
    s('Journal: April listings sell faster than March ones', { 'docs/journal.md': journal(5) }),
    s('Save the model and metrics after training', { 'src/bikeshelf/train.py': train(3) }),
    s('Load the trained model in the API', { 'src/bikeshelf/app.py': app(true) }),
    s('Parser: accept the new card layout the site introduced in May', {
      'src/bikeshelf/parse.py': parser(6, true, true),
    }),
    s('Regression test for the May card layout', { 'tests/test_parse.py': parserTests(4) }),
    s('Journal: card layout change on 6 May', { 'docs/journal.md': journal(6) }),
    s('Notebook: residuals by brand and month', {
      'notebooks/01-explore-listings.ipynb': exploreNotebook(3),
    }),
    s('Write up results against the baseline in the README', {
      'README.md': readme(['title', 'problem', 'data', 'method', 'results', 'baseline']),
    }),
    s('Add limitations: one city, one site, withdrawn versus sold', {
      'README.md': readme(['title', 'problem', 'data', 'method', 'results', 'baseline', 'limitations']),
    }),
    s('CI: test on Python 3.11 and 3.12 and cache pip downloads', {
      '.github/workflows/tests.yml': workflow(true),
    }),
    s('Pin pytest so CI and local runs match', { 'requirements.txt': requirements(10) }),
    s('Document how to run it locally and with Docker', {
      'README.md': readme([
        'title',
        'problem',
        'data',
        'method',
        'results',
        'baseline',
        'limitations',
        'run',
      ]),
    }),
    s('Bump scikit-learn to 1.5.0 and retrain', { 'requirements.txt': requirements(10, '1.5.0') }),
    s('Add metrics from the final training run', {
      'reports/metrics.json': '{\n  "baseline_mae": 9.8,\n  "gradient_boosting_mae": 6.1\n}\n',
    }),
    s('Journal: final comparison with the baseline', { 'docs/journal.md': journal(7) }),
    s('Add MIT licence', {
      LICENSE:
        'MIT License\n\nCopyright (c) 2024 Mara Okafor\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software, to deal in it without restriction.\n',
    }),
    s('Keep an empty models folder so the Docker build finds it', { 'models/.gitkeep': '' }),
    s('Add a short changelog for the write-up', {
      'CHANGELOG.md':
        '# Changelog\n\n## 0.3.0\n\n- API loads the trained model.\n- Parser accepts the May 2024 card layout.\n',
    }),
    s('Tidy the notebook title before sharing', {
      'notebooks/01-explore-listings.ipynb': exploreNotebook(3).replace(
        'First look at what the scraper collected.',
        'What the scraper collected from February to May 2024.',
      ),
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// titanic-upload: everything at once, a stock data set, the same notebook as everyone else's.
// ---------------------------------------------------------------------------------------------

function titanicCsv(): string {
  const header = 'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked';
  const rows = [
    '1,0,3,"Example, Mr. Alan",male,30,0,0,X 101,7.5,,S',
    '2,1,1,"Sample, Mrs. Beth",female,41,1,0,X 102,70.1,B7,C',
    '3,1,2,"Placeholder, Miss. Cora",female,19,0,0,X 103,13.0,,S',
    '4,0,3,"Fictional, Mr. Dan",male,,0,0,X 104,8.1,,Q',
    '5,1,3,"Madeup, Master. Eli",male,4,1,1,X 105,16.7,,S',
    '6,0,1,"Invented, Mr. Finn",male,55,0,0,X 106,51.9,C9,S',
  ];
  return `${[header, ...rows].join('\n')}\n`;
}

function titanicNotebook(): string {
  return notebook([
    code('import pandas as pd\nfrom sklearn.linear_model import LogisticRegression', { exec: 1 }),
    code("df = pd.read_csv('train.csv')\ndf.head()", {
      exec: 2,
      outputs: [resultOutput('   PassengerId  Survived  Pclass ...', 2)],
    }),
    code(
      "df['Age'] = df['Age'].fillna(df['Age'].mean())\ndf['Sex'] = df['Sex'].map({'male': 0, 'female': 1})\nX = df[['Pclass', 'Sex', 'Age', 'Fare']]\ny = df['Survived']",
      { exec: 3 },
    ),
    code('model = LogisticRegression()\nmodel.fit(X, y)', {
      exec: 5,
      outputs: [resultOutput('LogisticRegression()', 5)],
    }),
    code("print('accuracy', model.score(X, y))", {
      exec: 4,
      outputs: [streamOutput('accuracy 0.8333333333333334\n')],
    }),
  ]);
}

function main(): void {
  const strong = strongSteps();
  const strongDir = build('strong-project', strong, spreadDates('2024-02-05', 118, strong.length));
  const titanicDir = build(
    'titanic-upload',
    [
      {
        message: 'Add files via upload',
        files: { 'README.md': '# titanic\n', 'Titanic.ipynb': titanicNotebook(), 'train.csv': titanicCsv() },
      },
    ],
    ['2024-03-14T21:07:00Z'],
  );
  console.log(`built ${strongDir} (${strong.length} commits)`);
  console.log(`built ${titanicDir} (1 commit)`);
  console.log('audit them with: npx unherd audit examples/strong-project examples/titanic-upload');
}

/**
 * Records the examples into the audit history at the default location (UNHERD_DB, else the data
 * folder), so `unherd serve` shows a cohort right away: the strong project audited at five points
 * of its history, each recorded a day after its commit, and the Titanic upload once. Runs already
 * recorded (same commit, tool version and config) are left as they are, so a rebuild adds nothing.
 */
async function recordExampleCohort(): Promise<void> {
  const { auditOne, TOOL_VERSION } = await import('../src/engine/audit.js');
  const { configHash, defaultStorePath, openStore } = await import('../src/store/index.js');
  const target = process.env.UNHERD_DB || defaultStorePath(process.env);
  const store = await openStore(target);
  const scratch = mkdtempSync(join(tmpdir(), 'unherd-example-'));
  let recorded = 0;
  try {
    for (const name of ['strong-project', 'titanic-upload']) {
      const dir = join(EXAMPLES, name);
      const log = execFileSync('git', ['-C', dir, 'log', '--reverse', '--format=%H %cI'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]);
      const points = [
        ...new Set([0.2, 0.4, 0.6, 0.8, 1].map((f) => Math.max(0, Math.ceil(log.length * f) - 1))),
      ];
      for (const i of points) {
        const [sha, date] = log[i]!;
        const key = { repo: dir, commit: sha, toolVersion: TOOL_VERSION, configHash: configHash({}) };
        if (await store.has(key)) continue;
        const copy = join(scratch, `${name}-${i}`);
        execFileSync('git', ['clone', '-q', '--no-hardlinks', dir, copy], { stdio: 'ignore' });
        // The history up to this commit and nothing after it: main reset there, the clone's origin gone.
        execFileSync('git', ['-C', copy, 'reset', '-q', '--hard', sha], { stdio: 'ignore' });
        execFileSync('git', ['-C', copy, 'remote', 'remove', 'origin'], { stdio: 'ignore' });
        const report = { ...(await auditOne(copy, {})), path: `examples/${name}`, root: dir, name };
        await store.recordRun(report, {
          key,
          recordedAt: Date.parse(date) + 86_400_000,
          tags: ['example-cohort'],
        });
        recorded += 1;
      }
    }
  } finally {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(
    `recorded ${recorded} example run(s) in ${store.location}; look at them with: npx unherd serve`,
  );
}

main();
await recordExampleCohort();
