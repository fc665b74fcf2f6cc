import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo, collectOne } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';

const SHINY_APP = `library(shiny)
library(dplyr)

ui <- fluidPage(titlePanel("Bus delays"))
server <- function(input, output) {}
shinyApp(ui = ui, server = server)
`;

const SCRAPER_R = `library(rvest)
library(httr2)
# Listings are scraped politely, one page a second
page <- read_html("https://www.example-rentals.com/listings?page=1")
rows <- html_elements(page, ".listing")
resp <- request("https://api.example-transit.org/v3/predictions") |> req_perform()
`;

describe('R, SQL and Quarto projects', () => {
  it('finds an R Shiny app, testthat tests and rvest/httr2 collection', async () => {
    const dir = repo({
      'app.R': SHINY_APP,
      'R/scrape.R': SCRAPER_R,
      'tests/testthat/test-clean.R':
        'test_that("fares are positive", {\n  expect_true(all(clean(df)$fare > 0))\n})\ntest_that("dates parse", {\n  expect_equal(1, 1)\n})\n',
      'tests/testthat.R': 'library(testthat)\ntest_check("busdelays")\n',
    });
    const infra = await collectOne(dir, 'infra');
    assert.deepEqual(
      infra.webApps.map((w) => [w.framework, w.file]),
      [['shiny', 'app.R']],
    );
    assert.deepEqual(infra.tests.files, ['tests/testthat/test-clean.R']);
    assert.equal(infra.tests.functions, 2);
    assert.deepEqual(infra.tests.frameworks, ['testthat']);
    const report = await analyseRepo(dir);
    assert.deepEqual(report.facts?.webApps, ['shiny']);
    assert.equal(report.facts?.tests, true);
    assert.deepEqual(report.facts?.testFrameworks, ['testthat']);
    assert.deepEqual(
      report.facts?.dataCollection?.map((c) => [c.method, c.kind, c.file, c.line, c.counted]),
      [
        ['rvest', 'scraping', 'R/scrape.R', 1, true],
        ['httr2', 'api', 'R/scrape.R', 2, true],
      ],
    );
    assert.equal(report.facts?.scrapingOrApi, true);
  });

  it('finds ui.R/server.R apps, runtime: shiny documents and plumber APIs', async () => {
    const dir = repo({
      'dashboard/ui.R': 'fluidPage()\n',
      'dashboard/server.R': 'function(input, output) {}\n',
      'report.Rmd': '---\ntitle: "Explorer"\nruntime: shiny\n---\n\nText.\n',
      'api/plumber.R': 'library(plumber)\n#* @get /predict\nfunction(x) predict(model, x)\n',
    });
    const infra = await collectOne(dir, 'infra');
    assert.deepEqual(infra.webApps.map((w) => [w.framework, w.file]).sort(), [
      ['plumber', 'api/plumber.R'],
      ['shiny', 'dashboard/ui.R'],
      ['shiny', 'report.Rmd'],
    ]);
  });

  it('does not count an R download of a stock file, nor R tests without test_that', async () => {
    const dir = repo({
      'get.R':
        'library(httr)\nx <- read.csv("https://archive.ics.uci.edu/ml/machine-learning-databases/adult/adult.data")\n',
      'tests/test_model.R': 'source("model.R")\nprint(fit)\n',
    });
    const report = await analyseRepo(dir);
    assert.deepEqual(report.facts?.dataCollection, []);
    assert.equal(report.facts?.tests, false);
  });

  it('finds dbt data tests and Scrapy contracts', async () => {
    const dir = repo({
      'dbt_project.yml': 'name: shop\n',
      'models/schema.yml':
        'version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: order_id\n        data_tests:\n          - unique\n          - not_null\n',
      'tests/assert_positive_totals.sql': 'select * from {{ ref("orders") }} where total < 0\n',
      'scrapy.cfg': '[settings]\ndefault = q.settings\n',
      'q/spiders/quotes.py':
        'import scrapy\n\n\nclass QuotesSpider(scrapy.Spider):\n    name = "quotes"\n\n    def parse(self, response):\n        """Quotes on a page.\n\n        @url https://quotes.example.com/\n        @returns items 1 20\n        @scrapes text author\n        """\n',
    });
    const infra = await collectOne(dir, 'infra');
    assert.deepEqual(infra.tests.frameworks, ['dbt', 'scrapy-contracts']);
    assert.deepEqual(infra.tests.files, [
      'models/schema.yml',
      'q/spiders/quotes.py',
      'tests/assert_positive_totals.sql',
    ]);
  });

  it('reads data sets and Kaggle competitions used from R', async () => {
    const dir = repo({
      'analysis.R':
        'library(tidyverse)\ntrain <- read_csv("data/train.csv")\ntest <- read_csv("data/test.csv")\nsubmission <- read_csv("gender_submission.csv")\n',
      'iris.Rmd': '---\ntitle: "Iris"\n---\n\n```{r}\ndata(iris)\nsummary(iris)\n```\n',
    });
    const report = await analyseRepo(dir);
    assert.deepEqual(report.facts?.stockDatasets.map((d) => d.id).sort(), ['iris', 'titanic']);
  });
});
