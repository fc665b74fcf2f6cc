import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo } from '../../test/helpers/facts.js';
import { repo } from '../../test/helpers/repo.js';

describe('herd catalogue: data sets named one by one', () => {
  it('names each scikit-learn fetched data set, never a generic id', async () => {
    const dir = repo({
      'bench.py':
        'from sklearn.datasets import fetch_covtype, fetch_lfw_people, load_linnerud\n\nX, y = fetch_covtype(return_X_y=True)\nfaces = fetch_lfw_people(min_faces_per_person=70)\nlin = load_linnerud()\n',
    });
    const ids = (await analyseRepo(dir)).facts?.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['covtype', 'lfw', 'linnerud']);
  });

  it('recognises credit-scoring benchmarks by their distribution file names and UCI addresses', async () => {
    const dir = repo({
      'data/raw/gc/german.data': 'A11 6 A34 A43 1169\n',
      'data/raw/hmeq/hmeq.csv':
        'BAD,LOAN,MORTDUE,VALUE,REASON,JOB,YOJ,DEROG,DELINQ,CLAGE,NINQ,CLNO,DEBTINC\n1,1100,25860,39025,HomeImp,Other,10.5,0,0,94.37,1,9,\n',
      'src/load.py':
        'import pandas as pd\n\nTAIWAN = "https://archive.ics.uci.edu/dataset/350/default+of+credit+card+clients"\nGMSC = "data/raw/gmc/cs-training.csv"\n',
    });
    const ids = (await analyseRepo(dir)).facts?.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['german-credit', 'give-me-some-credit', 'hmeq', 'taiwan-credit-default']);
  });
});

const datasetIds = async (files: Record<string, string>) =>
  (await analyseRepo(repo(files))).facts?.stockDatasets.map((d) => d.id).sort();
const capstoneIds = async (files: Record<string, string>) =>
  (await analyseRepo(repo(files))).facts?.capstones.map((d) => d.id).sort();

describe('herd catalogue: data sets read by the project itself', () => {
  it('reads the data-set files and Kaggle competition a config-driven loader is given', async () => {
    const ids = await datasetIds({
      'config/base.yaml':
        'target: Survived\npaths:\n  train_csv: data/train.csv\nkaggle:\n  competition: titanic\n',
      'data/datasets.yaml':
        'datasets:\n  gc:\n    raw_file: data/raw/gc/german.data\n    source_url: https://archive.ics.uci.edu/dataset/144/statlog+german+credit+data\n',
      'src/load.py': 'import yaml\n\ncfg = yaml.safe_load(open("config/base.yaml"))\n',
    });
    assert.deepEqual(ids, ['german-credit', 'titanic']);
  });

  it('counts a data set named in the title with a generic file name, the longer name winning', async () => {
    const ids = await datasetIds({
      'README.md': '# Spaceship Titanic\n\nWho was transported?\n',
      'R/clean.R':
        'library(readr)\ntrain <- read_csv(here::here("data", "train.csv"))\nraw <- read_csv("data/train.csv")\n',
    });
    assert.deepEqual(ids, ['spaceship-titanic']);
  });

  it('tells which train.csv a competition notebook reads from the columns its code names', async () => {
    const ids = await datasetIds({
      'notebooks/eda.py':
        'import pandas as pd\n\ntrain = pd.read_csv("../data/train.csv")\ntarget = "Survived"\nnum = ["Age", "Fare", "SibSp", "Parch"]\ncat = ["Pclass", "Sex", "Embarked"]\n',
    });
    assert.deepEqual(ids, ['titanic']);
  });

  it('reads a Kaggle competition from the input folder of an older kernel', async () => {
    assert.deepEqual(
      await datasetIds({ 'kernel.R': 'library(readr)\ntrain <- read_csv("../input/titanic/train.csv")\n' }),
      ['titanic'],
    );
  });

  it('recognises UCI data sets by their page or download address', async () => {
    assert.deepEqual(
      await datasetIds({
        'load.py':
          'import pandas as pd\n\nURL = "https://archive.ics.uci.edu/ml/machine-learning-databases/mushroom/agaricus-lepiota.data"\nPAGE = "https://archive.ics.uci.edu/dataset/222/bank+marketing"\n',
      }),
      ['bank-marketing', 'mushroom'],
    );
  });

  it('a name alone is not use', async () => {
    assert.deepEqual(await datasetIds({ 'README.md': '# Titanic\n\nNotes on the ship.\n' }), []);
  });

  it('counts the data sets of a multi-data-set loader that the README names, not the others it offers', async () => {
    const ids = await datasetIds({
      'README.md': '# Sparse training\n\nResults on CIFAR10 and CIFAR100 with WideResNet.\n',
      'data.py':
        'from torchvision import datasets\n\ndef cifar(root):\n    return datasets.CIFAR10(root, train=True, download=True)\n\ndef cifar100(root):\n    return datasets.CIFAR100(root, train=True, download=True)\n\ndef mnist(root):\n    return datasets.MNIST(root, train=True, download=True)\n\nregistry = {"CIFAR10": cifar, "CIFAR100": cifar100, "MNIST": mnist}\n',
    });
    assert.deepEqual(ids, ['cifar']);
  });

  it('a file fetched from a redistribution (TidyTuesday) belongs to it, not to the original data set', async () => {
    const ids = await datasetIds({
      'week16.R':
        'library(tidyverse)\nnetflix <- read_csv("https://raw.githubusercontent.com/rfordatascience/tidytuesday/master/data/2021/2021-04-20/netflix_titles.csv")\n',
    });
    assert.deepEqual(ids, ['tidytuesday']);
  });

  it('recognises the data sets of tutorials, packages and courses the catalogue now lists', async () => {
    assert.deepEqual(
      await datasetIds({
        'seeds/raw_payments.csv': 'id,order_id,payment_method,amount\n1,1,credit_card,1000\n',
        'seeds/raw_orders.csv': 'id,user_id,order_date,status\n1,1,2018-01-01,returned\n',
      }),
      ['jaffle-shop'],
    );
    assert.deepEqual(
      await datasetIds({
        'data/processed/otu-large.csv':
          'dx,Otu00001,Otu00002,Otu00003,Otu00004,Otu00005,Otu00006\ncancer,931,87,376,422,244,130\n',
      }),
      ['mikropml-otu'],
    );
    assert.deepEqual(
      await datasetIds({
        'basque.csv':
          'regionno,regionname,year,gdpcap,sec.agriculture,sec.energy,sec.industry,sec.construction,sec.services.venta,sec.services.nonventa,school.illit,school.prim,school.med,school.high,school.post.high,popdens,invest\n1,Spain,1955,2.35,,,,,,,,,,,,,\n',
        'prop99.R': 'library(Synth)\nsmoking <- read.csv("data/california_prop99.csv")\n',
      }),
      ['california-prop99', 'synth-basque'],
    );
    assert.deepEqual(
      await datasetIds({
        'Chennai.csv':
          'Price,Area,Location,No. of Bedrooms,Resale,MaintenanceStaff,Gymnasium,SwimmingPool,LandscapedGardens,JoggingTrack,RainWaterHarvesting,IndoorGames\n5000000,1000,Adyar,2,0,1,1,0,0,0,0,0\n',
      }),
      ['india-metro-housing'],
    );
    assert.deepEqual(
      await datasetIds({
        'final_project/poi_id.py':
          'import pickle\n\ndata_dict = pickle.load(open("final_project_dataset.pkl", "rb"))\n',
        'sql/SQLAdventureWorksExercises1.sql': 'SELECT * FROM HumanResources.Employee ORDER BY JobTitle;\n',
        'r/wine.Rmd': '```{r}\nwine <- read.csv("wineQualityReds.csv")\n```\n',
      }),
      ['adventureworks', 'enron', 'wine-quality'],
    );
  });

  it('recognises R bundled, Kaggle, UCI and question-answering classics', async () => {
    assert.deepEqual(await datasetIds({ 'eda.R': 'data(mtcars)\nsummary(lm(mpg ~ wt, data = mtcars))\n' }), [
      'mtcars',
    ]);
    assert.deepEqual(
      await datasetIds({
        'data/cardio_train.csv':
          'id;age;gender;height;weight;ap_hi;ap_lo;cholesterol;gluc;smoke;alco;active;cardio\n0;18393;2;168;62.0;110;80;1;1;0;0;1;0\n',
      }),
      ['cardio-train'],
    );
    assert.deepEqual(
      await datasetIds({ 'ccpp.py': 'import pandas as pd\n\ndf = pd.read_excel("data/Folds5x2_pp.xlsx")\n' }),
      ['uci-combined-cycle-power-plant'],
    );
    assert.deepEqual(
      await datasetIds({ 'qa.py': 'from datasets import load_dataset\n\nsquad = load_dataset("squad")\n' }),
      ['squad'],
    );
  });

  it('recognises CelebA by its download address and the folder the project reads it from', async () => {
    const ids = await datasetIds({
      'README.md':
        '# Fair generation\n\nDownload [CelebA](https://mmlab.ie.cuhk.edu.hk/projects/CelebA.html) into `data/celeba`.\n',
      'make_sets.py': 'from pathlib import Path\n\nROOT = Path("data/celeba/Eyeglasses")\n',
    });
    assert.deepEqual(ids, ['celeba']);
  });
});

describe('herd catalogue: course capstones', () => {
  it('the course name shared by two IBM capstones does not pick one of them', async () => {
    assert.deepEqual(
      await capstoneIds({ 'README.md': '# Applied Data Science Capstone\n\nMy notebooks.\n' }),
      [],
    );
    assert.deepEqual(
      await capstoneIds({
        'README.md': '# Applied Data Science Capstone\n',
        'dataset_part_2.csv': 'FlightNumber,Date,BoosterVersion,PayloadMass,Orbit,LaunchSite,Outcome,Class\n',
      }),
      ['ibm-spacex-falcon9'],
    );
  });

  it('a project of its own about SpaceX launches is not the IBM capstone', async () => {
    assert.deepEqual(
      await capstoneIds({ 'README.md': '# SpaceX Launch Risk\n\nAn R Shiny app on the SpaceX API.\n' }),
      [],
    );
  });

  it('recognises the Udacity Data Analyst programme by its prescribed files, not its name alone', async () => {
    assert.deepEqual(
      await capstoneIds({
        'README.md': '# Udacity Data Analyst\n\nFiles for the Udacity Data Analyst nanodegree.\n',
        'project1/stroopdata.csv': 'Congruent,Incongruent\n12.079,19.278\n',
      }),
      ['udacity-data-analyst-nd'],
    );
    assert.deepEqual(
      await capstoneIds({ 'README.md': '# Notes\n\nExercises from the Data Analyst Nanodegree.\n' }),
      [],
    );
  });

  it('recognises a Minerva CS130 assignment by its handout and a project in a subfolder by its README', async () => {
    assert.deepEqual(
      await capstoneIds({
        'Assignment-PDF/Shinyapp_CS130 (1).pdf': '%PDF-1.4\n',
        'app.R': 'library(shiny)\n',
      }),
      ['minerva-cs130'],
    );
    assert.deepEqual(
      await capstoneIds({
        'README.md': '# Coursework\n',
        'airbnb/README.md': '# airbnb\n\nWe examine Seattle and Boston Airbnb data following CRISP-DM.\n',
      }),
      ['udacity-blog-post'],
    );
  });
});
