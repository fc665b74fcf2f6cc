import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { repo, spreadCommits, tempDir } from '../../test/helpers/repo.js';
import { auditPaths } from '../engine/audit.js';
import { parseRequirements } from './ad/items.js';
import { parseAd, readAd } from './ad/read.js';
import { interviewFoci } from './interview.js';
import { matchAds } from './match.js';
import { portfolioFromAudit } from './portfolio.js';
import { renderMatch } from './reporters.js';
import { coverageOf, rankAds, reasonOf, verdictOf } from './verdict.js';
import { findSkills, loadVocabulary } from './vocabulary.js';

const vocabulary = loadVocabulary();
const fixture = (name: string) => new URL(`../../test/fixtures/ads/${name}`, import.meta.url).pathname;
const skillsOf = (text: string) => findSkills(text, vocabulary).map((m) => m.skill);
const schema = JSON.parse(readFileSync(new URL('../../schema/match.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

describe('skill aliases', () => {
  it('finds R, C and Go only as items of a list of tools', () => {
    assert.deepEqual(skillsOf('Experience with Python, R and SQL'), ['python', 'r', 'sql']);
    assert.deepEqual(skillsOf('C/C++ and Go experience'), ['c', 'cpp', 'go']);
    assert.deepEqual(skillsOf('Go beyond what is asked. R&D budget. Microsoft(R) tools.'), []);
    assert.deepEqual(skillsOf('Section (c) of the contract; plan C'), []);
  });

  it('keeps word boundaries and prefers the longest name', () => {
    assert.deepEqual(skillsOf('JavaScript developers'), ['javascript']);
    assert.deepEqual(skillsOf('Spark SQL and SQL Server'), ['spark', 'postgresql']);
    assert.deepEqual(skillsOf('sklearn, scikit learn and Scikit-Learn'), [
      'scikit-learn',
      'scikit-learn',
      'scikit-learn',
    ]);
    assert.deepEqual(skillsOf('You excel at Excel'), ['excel']);
  });
});

describe('requirement items', () => {
  it('splits a run-on ad with glued bullets and headings, one item per skill', () => {
    const items = parseRequirements(readFileSync(fixture('glued-run-on.txt'), 'utf8'), vocabulary);
    const summary = items.map((i) => `${i.kind}/${i.category}/${i.skills.join('+')}`);
    assert.deepEqual(summary, [
      'required/degree/',
      'required/experience/',
      'required/tool/sql',
      'required/tool/excel',
      'required/tool/tableau',
      'required/tool/power-bi',
      'nice/tool/python',
      'nice/tool/pandas',
      'required/soft/',
      'required/other/',
    ]);
    assert.equal(items[2]!.text, items[3]!.text, 'items from one list share the source text');
    assert.ok(
      items
        .filter((i) => !i.judgeable)
        .every((i) => ['degree', 'experience', 'soft', 'other'].includes(i.category)),
    );
    assert.ok(!items.some((i) => /pension/.test(i.text)), 'company boilerplate is not a requirement');
  });

  it('marks items under a nice-to-have heading as nice, and skips benefits', () => {
    const ad = parseAd('bulleted.md', readFileSync(fixture('bulleted.md'), 'utf8'));
    assert.ok(!('error' in ad));
    const items = parseRequirements(ad.text, vocabulary);
    assert.deepEqual(
      items.filter((i) => i.kind === 'nice').map((i) => i.skills[0] ?? i.category),
      ['hugging-face', 'airflow', 'other'],
    );
    assert.ok(!items.some((i) => /leave/.test(i.text)));
  });

  it('does not take fields of study for skills', () => {
    const items = parseRequirements(
      'Requirements:\n• Degree in Statistics or Machine Learning or a related field',
      vocabulary,
    );
    assert.deepEqual(
      items.map((i) => i.category),
      ['degree'],
    );
  });
});

describe('requirement items of scraped ads (held-out forms)', () => {
  const summary = (text: string) =>
    parseRequirements(text, vocabulary).map((i) => `${i.kind}/${i.category}/${i.skills.join('+')}`);

  it('joins hard-wrapped sentences, across blank lines', () => {
    const items = parseRequirements(
      'Requirements\n\n MUST: Solid 5 years of experience in multiple programming languages –\n\n C#/.NET, C++, Scala, Python, R, Java.\nExperience with dynamic programming and reinforcement learning is\n\n a plus.',
      vocabulary,
    );
    assert.deepEqual(
      items.filter((i) => i.skills.length > 0).map((i) => `${i.kind}/${i.skills[0]}`),
      [
        'required/csharp',
        'required/cpp',
        'required/scala',
        'required/python',
        'required/r',
        'required/java',
        'nice/optimization',
        'nice/reinforcement-learning',
      ],
    );
    assert.ok(
      items.every((i) => i.line !== 5),
      'a continuation keeps the line of its sentence',
    );
  });

  it('reads "(ex: …" as examples, not a heading; "a high degree of" is not a degree', () => {
    assert.deepEqual(summary('Any ETL tool experience (ex: Informatica, Talend)'), [
      'required/skill/etl',
      'required/tool/alteryx',
    ]);
    assert.deepEqual(
      summary('Requirements:\n• High degree of proficiency with SQL including cloud data stores'),
      ['required/tool/sql', 'required/skill/cloud'],
    );
    assert.deepEqual(
      summary('Bachelors Degree in MIS and/or CS.Experience as a Business Analyst is preferable.').slice(
        0,
        1,
      ),
      ['required/degree/'],
    );
  });

  it('ends the requirements at company headings: "Why X?", "About X", values', () => {
    const items = parseRequirements(
      'To Land This Job, You Need:\nExperience with Python and Matlab.\nWhy Acme Inc.?\nWe use machine learning and NLP every day.\nAbout Acme Growth\nOur engineers know statistics and Spark.\nVALUES AND CULTURE\nCustomer Commitment',
      vocabulary,
    );
    assert.deepEqual(
      items.map((i) => i.skills[0] ?? i.category),
      ['python', 'matlab'],
    );
  });

  it('gives each part of a sentence mixing required and preferred its own kind', () => {
    assert.deepEqual(
      summary('Requirements:\n• B.S. in Physics or a related field - M.S. or higher degree preferred'),
      ['required/degree/', 'nice/degree/'],
    );
    assert.deepEqual(
      summary('Requirements:\n• Masters degree in Statistics or Computer Science, PhD is a plus'),
      ['required/degree/', 'nice/degree/'],
    );
    assert.deepEqual(
      summary(
        'Requirements:\n• Expert in data visualization, with prior full-time work experience strongly preferred',
      ),
      ['nice/experience/', 'required/skill/data-visualisation'],
    );
    assert.deepEqual(summary('Requirements:\n• Experience with Python (pandas) is a plus'), [
      'nice/tool/python',
      'nice/tool/pandas',
    ]);
    assert.deepEqual(summary('Requirements:\n• Tableau and Qlikview preferred'), [
      'nice/tool/tableau',
      'nice/tool/looker',
    ]);
  });

  it('splits names glued together or to the next requirement', () => {
    assert.deepEqual(
      summary('Requirements:\n• Expert programming skills in Python, RExperience in writing SQL').map((s) =>
        s.replace(/^required\//, ''),
      ),
      ['tool/python', 'tool/r', 'tool/sql'],
    );
    assert.deepEqual(
      summary(
        "It's also a good idea to know the standard tools - SQL, RPython, Tableau - but you must learn tools quickly.",
      ),
      ['nice/tool/sql', 'nice/tool/r', 'nice/tool/python', 'nice/tool/tableau'],
    );
  });

  it('leaves duties, company values and role descriptions out; keeps page fields that ask', () => {
    const items = parseRequirements(
      [
        'Duties & Responsibilities',
        'Providing technical expertise on data storage structures, data mining, and data cleansing.',
        'Work across various stakeholders to understand data trends and analysis goals.',
        'Requirements',
        'This is a hybrid research/engineering role.',
        'Experience with Python and SQL.',
        "We're even more impressed if you bring along your:",
        'Ability to work without constant supervision',
        'The Acme Way',
        'Collaborative– We leave our egos at the door.',
        'Education Level',
        "Master's Degree",
      ].join('\n'),
      vocabulary,
    );
    assert.deepEqual(
      items.map((i) => `${i.kind}/${i.skills[0] ?? i.category}`),
      ['required/python', 'required/sql', 'nice/soft', 'required/degree'],
    );
  });

  it('reads asks in an ad without headings, but not company sentences or duties', () => {
    assert.deepEqual(
      summary(
        'Any ETL tool experience (ex: Informatica).\nWe work with the latest developments, leveraging that knowledge to advance machine learning.\nAs a data scientist, you will develop machine learning solutions.',
      ),
      ['required/skill/etl', 'required/tool/alteryx'],
    );
    assert.deepEqual(summary('Requirements:\n• Demonstrate competence with large structured data sets'), [
      'required/experience/',
    ]);
    assert.deepEqual(summary('Requirements:\n• Present data findings in written and oral formats'), [
      'required/soft/',
    ]);
  });

  it('splits a run-on skills grid, one experience item per line of it', () => {
    assert.deepEqual(
      summary(
        'Resource Requirements Data Migration 3+ years Data Conversion 3+ years Oracle 2-3 years PLSQL 3-4 years',
      ),
      [
        'required/experience/',
        'required/experience/',
        'required/experience/',
        'required/tool/postgresql',
        'required/experience/',
        'required/tool/sql',
      ],
    );
  });

  it('knows the tools real ads ask for beyond the first seed', () => {
    assert.deepEqual(skillsOf('Caffe, PaddlePaddle, Kedro, Apache Druid, Sybase, GraphQL'), [
      'caffe',
      'paddlepaddle',
      'kedro',
      'druid',
      'sybase',
      'api-development',
    ]);
    assert.deepEqual(skillsOf('Microsoft Office (Excel, Access, PowerPoint), SharePoint, Visio and SAP'), [
      'ms-office',
      'excel',
      'ms-access',
      'powerpoint',
      'sharepoint',
      'visio',
      'sap',
    ]);
    assert.deepEqual(skillsOf('Access to our data is easy'), [], 'Access alone is a word');
    assert.deepEqual(skillsOf('PowerApps, SSAS, Toad, TFS, Vertica, Mulesoft and UiPath'), [
      'power-platform',
      'olap',
      'sql',
      'git',
      'snowflake',
      'alteryx',
      'rpa',
    ]);
  });
});

describe('interview preparation', () => {
  it('keeps the rounds an ad clearly implies, strongest first, never on one passing word', () => {
    const foci = interviewFoci(
      [
        'Requirements:',
        '• Translate business constraints and queries into data science questions',
        '• Masters degree in statistics or machine learning; PhD preferred',
        '• Experience training deep learning models and machine learning pipelines',
        '• Solid statistics: hypothesis tests and A/B experiments',
        '• Publications at ACL or EMNLP',
      ].join('\n'),
      vocabulary,
    );
    assert.deepEqual(
      foci.map((f) => f.focus),
      ['ml-theory', 'statistics', 'research-papers'],
    );
    assert.match(
      foci[0]!.text,
      /deep learning/,
      'a degree line is not quoted when a requirement says it better',
    );
  });
});

describe('reading ads', () => {
  it('takes the JSON-LD JobPosting description, never menus, sidebars or footers', async () => {
    const ad = await readAd(fixture('posting-jsonld.html'));
    assert.ok(!('error' in ad));
    assert.equal(ad.source, 'json-ld');
    assert.equal(ad.company, 'Quillmark Insurance');
    assert.equal(ad.title, 'Data Scientist, Pricing');
    const items = parseRequirements(ad.text, vocabulary);
    const skills = items.flatMap((i) => i.skills);
    assert.deepEqual(skills, ['python', 'sql', 'statistics', 'ab-testing', 'spark']);
    assert.equal(items.find((i) => i.skills[0] === 'spark')?.kind, 'nice');
  });

  it('falls back to the main article of a page without JobPosting data', async () => {
    const ad = await readAd(fixture('posting-article.html'));
    assert.ok(!('error' in ad));
    assert.equal(ad.source, 'article');
    const skills = parseRequirements(ad.text, vocabulary).flatMap((i) => i.skills);
    for (const chrome of ['kubernetes', 'tableau', 'javascript', 'java', 'go'])
      assert.ok(!skills.includes(chrome), chrome);
    assert.deepEqual(skills, [
      'etl',
      'sql',
      'dbt',
      'airflow',
      'kafka',
      'python',
      'scala',
      'terraform',
      'gcp',
    ]);
  });

  it('gives a clear message for bad input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 0, 255, 0, 7, 0, 0, 3]));
    const errors = await Promise.all(
      [
        fixture('empty.txt'),
        fixture('german.txt'),
        fixture('no-posting.html'),
        join(dir, 'blob.bin'),
        join(dir, 'nope.txt'),
        dir,
      ].map(async (p) => {
        const ad = await readAd(p);
        return 'error' in ad ? ad.error : '';
      }),
    );
    assert.match(errors[0]!, /is empty/);
    assert.match(errors[1]!, /German/);
    assert.match(errors[2]!, /no job posting found/);
    assert.match(errors[3]!, /binary/);
    assert.match(errors[4]!, /does not exist/);
    assert.match(errors[5]!, /folder/);
    assert.ok('error' in parseAd('x.txt', 'Hello there.'));
  });

  it('takes a short first line for the title, never a slogan with a heading glued on', () => {
    const body = '\nRequirements:\n• Experience with Python and SQL for analysis work every day';
    const title = (first: string) => {
      const ad = parseAd('ad.txt', `${first}${body}`);
      return 'error' in ad ? ad.error : ad.title;
    };
    assert.equal(title('Senior Data Analyst'), 'Senior Data Analyst');
    assert.equal(title('Data Engineer Job Description'), 'Data Engineer');
    assert.equal(title('Join the Mobile Future with Tapjoy Responsibilities'), null);
  });

  it('reads a huge saved page whose posting comes after megabytes of scripts and menus', async () => {
    const dir = tempDir();
    const links = Array.from(
      { length: 30000 },
      (_, i) => `<li><a href="/j/${i}">Similar job ${i}: Java</a></li>`,
    );
    const script = `<script>${'var a = "<p>Experience with Go required</p>";'.repeat(40000)}</script>`;
    const page = `<!doctype html><html><head><title>Jobs</title>${script}</head><body><nav><ul>${links.join('')}</ul></nav>${script}<main><article><h1>Data Analyst</h1><p>Requirements</p><ul><li>Experience with SQL and Tableau</li><li>2+ years of experience in analytics</li></ul><p>We review every application and reply to each candidate within two weeks of the closing date.</p></article></main></body></html>`;
    assert.ok(page.length > 3 * 1024 * 1024);
    writeFileSync(join(dir, 'page.html'), page);
    const started = Date.now();
    const ad = await readAd(join(dir, 'page.html'));
    assert.ok(!('error' in ad), 'error' in ad ? ad.error : '');
    assert.deepEqual(
      parseRequirements(ad.text, vocabulary).flatMap((i) => i.skills),
      ['sql', 'tableau'],
    );
    assert.ok(Date.now() - started < 10_000, 'slimmed before parsing');
  });
});

describe('verdict', () => {
  it('applies the thresholds to (covered + ½ partial) over required judgeable items', () => {
    const item = (status: 'covered' | 'partial' | 'missing', kind: 'required' | 'nice' = 'required') => ({
      id: 'r',
      text: '',
      line: 1,
      kind,
      category: 'tool' as const,
      skills: [],
      judgeable: true,
      status,
      evidence: [],
    });
    assert.equal(
      coverageOf([item('covered'), item('partial'), item('missing'), item('missing', 'nice')]),
      0.5,
    );
    assert.equal(verdictOf(0.5), 'apply');
    assert.equal(verdictOf(0.3), 'stretch');
    assert.equal(verdictOf(0.29), 'not-yet');
    assert.equal(verdictOf(coverageOf([])), 'unknown');
  });

  it('ranks an ad resting on one checkable item below one showing most of many, and says it is thin', () => {
    const item = (status: 'covered' | 'missing', n: number) => ({
      id: `r${n}`,
      text: 'x',
      line: 1,
      kind: 'required' as const,
      category: 'tool' as const,
      skills: [],
      judgeable: true,
      status,
      evidence: [],
    });
    const ad = (path: string, items: ReturnType<typeof item>[]) => {
      const coverage = coverageOf(items);
      return {
        path,
        title: null,
        company: null,
        source: 'text' as const,
        rank: null,
        requirements: items,
        coverage,
        verdict: verdictOf(coverage),
        reason: reasonOf(items, coverage, verdictOf(coverage)),
        missing: [],
        nextProject: null,
        interview: [],
        error: null,
      };
    };
    const one = ad('one.txt', [item('covered', 1)]);
    const many = ad('many.txt', [
      ...Array.from({ length: 10 }, (_, i) => item('covered', i)),
      item('missing', 10),
      item('missing', 11),
    ]);
    assert.deepEqual(
      rankAds([one, many]).map((a) => `${a.rank} ${a.path} ${a.verdict}`),
      ['1 many.txt apply', '2 one.txt apply'],
    );
    assert.match(one.reason, /only this one thing that code can show/);
    assert.doesNotMatch(many.reason, /weigh the rest/);
  });
});

describe('matching against audited repositories', () => {
  it('shows evidence with file, line, cell and commit; a README mention is only partial; ranks ads', async () => {
    const project = repo(
      {
        'README.md': '# Parcel delays\n\nWe plan to add Kubernetes later.\n',
        'src/train.py': 'import pandas as pd\nimport torch\n\nloss = model(x)\nloss.backward()\n',
        'queries/delays.sql': 'SELECT * FROM shipments;\n',
        Dockerfile: 'FROM python:3.12-slim\n',
        'analysis.ipynb': JSON.stringify({
          nbformat: 4,
          nbformat_minor: 5,
          metadata: { kernelspec: { language: 'python', name: 'python3' } },
          cells: [
            { cell_type: 'markdown', metadata: {}, source: ['# Delays'] },
            {
              cell_type: 'code',
              metadata: {},
              execution_count: 1,
              outputs: [],
              source: ['from scipy.stats import ttest_ind\n', 'ttest_ind(a, b)\n'],
            },
          ],
        }),
      },
      { commits: spreadCommits('2026-01-01', 12, 3) },
    );
    const audit = await auditPaths([project]);
    const { portfolio, repos } = await portfolioFromAudit(audit, vocabulary);
    const ads = [
      parseAd(
        'weak.txt',
        'Requirements:\n• Experience with Tableau and Power BI\n• Experience with Snowflake and Looker\n• Degree in economics',
      ),
      await readAd(fixture('bulleted.md')),
      await readAd(fixture('empty.txt')),
    ];
    const report = matchAds(ads, portfolio, repos, vocabulary);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    const [best, weak, empty] = report.ads;
    assert.equal(best!.path, fixture('bulleted.md'));
    assert.equal(best!.rank, 1);
    assert.equal(weak!.verdict, 'not-yet');
    assert.equal(empty!.rank, null);
    assert.match(empty!.error!, /empty/);
    const byskill = (s: string) => best!.requirements.find((i) => i.skills.includes(s))!;
    assert.equal(byskill('pytorch').status, 'covered');
    assert.deepEqual(
      { file: byskill('pytorch').evidence[0]!.file, line: byskill('pytorch').evidence[0]!.line },
      { file: 'src/train.py', line: 2 },
    );
    assert.match(byskill('pytorch').evidence[0]!.commit ?? '', /^[0-9a-f]{12}$/);
    assert.equal(byskill('deep-learning').status, 'covered', 'a model trained in the code');
    assert.equal(byskill('docker').status, 'covered');
    assert.equal(byskill('kubernetes').status, 'partial', 'only mentioned in the README');
    assert.equal(byskill('statistics').status, 'covered');
    assert.equal(byskill('statistics').evidence[0]!.cell, 1);
    assert.equal(byskill('aws').status, 'missing');
    assert.equal(best!.requirements.find((i) => i.category === 'experience')!.status, null);
    assert.equal(best!.nextProject?.id, 'deploy-api');
    assert.ok(best!.nextProject!.covers.includes(byskill('aws').id));
    assert.ok(best!.interview.some((f) => f.focus === 'research-papers' && /ACL/.test(f.text)));
    assert.ok(best!.interview.some((f) => f.focus === 'system-design'));
    for (const format of ['terminal', 'markdown', 'html', 'csv'] as const)
      assert.ok(renderMatch(format, report).length > 100);
    assert.match(renderMatch('csv', report).split('\r\n')[0]!, /^rank,path,title/);
  });
});
