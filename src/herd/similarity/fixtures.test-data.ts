import { code, md, notebook } from '../../../test/helpers/notebook.js';

/** Hand-written analysis cells; every fixture here is ours. */
export const ALICE_CELLS = [
  'import pandas as pd\nimport numpy as np\nrides = pd.read_csv("data/rides.csv")\nrides.head()',
  'rides = rides.dropna(subset=["start", "end"])\nrides["minutes"] = (pd.to_datetime(rides["end"]) - pd.to_datetime(rides["start"])).dt.seconds / 60\nrides = rides[rides["minutes"].between(1, 180)]\nprint(rides["minutes"].describe())',
  'by_station = rides.groupby("station").agg(trips=("minutes", "size"), median=("minutes", "median"))\nby_station = by_station.sort_values("trips", ascending=False)\nfor name, row in by_station.head(10).iterrows():\n    print(f"{name}: {row.trips} trips, {row.median:.1f} min")',
  'def weekday_share(frame, column="start"):\n    days = pd.to_datetime(frame[column]).dt.dayofweek\n    counts = days.value_counts().sort_index()\n    return counts / counts.sum()\n\nshare = weekday_share(rides)\nassert abs(share.sum() - 1) < 1e-9\nshare.plot(kind="bar", title="Trips by weekday")',
];

/** Alice's notebook disguised: names changed, cells reordered and reformatted, comments and one cell added. */
export const BOB_CELLS = [
  'import pandas as pd\ntrips = pd.read_csv( "bikes.csv" )\ntrips.head()',
  '# share of trips per day of the week\ndef share_by_day(df, col = "begin"):\n    d = pd.to_datetime(df[col]).dt.dayofweek\n    c = d.value_counts().sort_index()\n    return c / c.sum()\n\nresult = share_by_day(trips)\nassert abs(result.sum() - 1) < 1e-6\nresult.plot(kind="bar", title="Weekday")',
  'trips = trips.dropna( subset = ["begin", "finish"] )\ntrips["mins"] = (pd.to_datetime(trips["finish"]) -\n                 pd.to_datetime(trips["begin"])).dt.seconds / 60\ntrips = trips[trips["mins"].between(2, 240)]\nprint(trips["mins"].describe())',
  'stations = trips.groupby("station").agg(trips=("mins", "size"), median=("mins", "median"))\nstations = stations.sort_values("trips", ascending=False)\nfor s, r in stations.head(5).iterrows():\n    print(f"{s}: {r.trips} / {r.median:.2f}")',
  'print(len(trips), "trips after cleaning")\nprint(trips.columns.tolist())',
];

export const CAROL_PY = `import requests
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

export const DAVE_CELLS = [
  'import pandas as pd\nimport numpy as np\ndf = pd.read_csv("survey.csv")\ndf.head()',
  'answers = df.melt(id_vars=["respondent"], var_name="question", value_name="answer")\npivot = answers.pivot_table(index="question", columns="answer", aggfunc="size", fill_value=0)\nwhile pivot.shape[1] > 5:\n    pivot = pivot.drop(columns=pivot.sum().idxmin())\nwith open("summary.txt", "w") as out:\n    out.write(pivot.to_string())',
];

export function notebookOf(cells: string[], title: string): string {
  return notebook([md(`# ${title}`), ...cells.map((c, i) => code(c, { exec: i + 1 }))]);
}
