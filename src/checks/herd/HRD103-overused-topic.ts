import { defineCheck } from '../types.js';
import { percent, toEvidence } from './evidence.js';

export default defineCheck({
  code: 'HRD103',
  name: 'overused-topic',
  title: 'The topic is not one everyone else picks',
  principle: 'original-problem',
  severity: 'medium',
  status: 'preview',
  needs: ['herd'],
  options: { minConfidence: 0.6 },
  messages: {
    topic: 'The project is about "{{name}}", one of the most overused portfolio topics ({{confidence}} sure)',
    none: 'The topic is not on the overused list',
    paperTopic: 'The topic "{{name}}" is the replicated paper\'s, which a replication is expected to share',
  },
  advice:
    'Reframe the project around a question a real user has, in a domain you know, rather than a stock exercise.',
  docs: {
    what: 'Reads the README title and introduction, notebook titles and headings, and the stock datasets in use, and fails when the project is about one of the overused topics in the catalogue: Titanic survival, house prices, MNIST digits, IMDB sentiment, churn, credit-card fraud, movie recommenders, stock-price LSTMs, spam, fake news, and more.',
    why: 'Even with fresh data, a project on a worn topic competes with thousands of near-identical ones and invites the question “what did you add?”. A less common question, especially in a domain you know, makes a reviewer read on.',
    fix: 'Narrow the topic to a specific user and decision (“which listings in my city are overpriced for students”, not “house price prediction”), bring your own data, and state the value in the README’s first lines.',
    limitations:
      "Topic detection uses phrases and datasets; it cannot tell an unusual angle on a common topic from the common version. Explain your angle in the README and ignore the finding with a reason when it does not apply. A recognised paper replication passes: its topic is the paper's.",
  },
  run({ facts, options, route, fail, pass }) {
    const topics = facts.herd.topics.filter(
      (t) => t.confidence >= options.minConfidence && t.role === 'flagship',
    );
    if (route.id === 'replication') {
      for (const t of topics) pass('paperTopic', { name: t.name }, toEvidence(t));
      if (topics.length === 0) pass('none');
      return;
    }
    for (const t of topics) fail('topic', { name: t.name, confidence: percent(t.confidence) }, toEvidence(t));
    if (topics.length === 0) pass('none');
  },
});
