import catalogue from '../catalogue/saturated-topics.json' with { type: 'json' };
import { defineBlogCheck } from './define.js';

interface Topic {
  id: string;
  title: string;
  patterns: string[];
  makeItYours: string;
}

interface CompiledTopic extends Topic {
  res: RegExp[];
}

const TOPICS: CompiledTopic[] = (catalogue.topics as Topic[]).map((t) => ({
  ...t,
  res: t.patterns.map((p) => new RegExp(p, 'i')),
}));

/** The saturated topic a post is about, judged from its title, tags and top-level headings. */
export function saturatedTopic(texts: readonly string[]): CompiledTopic | null {
  for (const topic of TOPICS) if (texts.some((text) => topic.res.some((re) => re.test(text)))) return topic;
  return null;
}

export default defineBlogCheck({
  code: 'BLG103',
  name: 'saturated-topic',
  title: 'About something other than the topics everyone has written about',
  principle: 'blog-only-you',
  severity: 'high',
  status: 'preview',
  structural: false,
  messages: {
    saturated:
      'A saturated topic ({{topic}}): thousands of posts already cover it. To make it yours: {{makeItYours}}',
  },
  options: {},
  advice:
    'Write about your own project, not another introduction to a topic already covered thousands of times.',
  docs: {
    what: 'Matches the title, tags and top-level headings against a curated list of saturated topics (src/blog/catalogue/saturated-topics.json): “supervised vs unsupervised”, “what is data science”, “top 10 Python libraries”, introductions to pandas, Titanic and Iris walk-throughs, …',
    why: 'A hiring manager scrolls past the hundredth Titanic walk-through. It shows you can follow a tutorial, not that you can find and solve a problem.',
    fix: 'Keep the topic only if you bring something new; otherwise write about your own project. Each catalogue entry says what would make the post yours.',
    limitations:
      'Only knows the topics in the catalogue; a fresh angle on a saturated topic is still flagged (say what is new in the title).',
  },
  run({ post, fail }) {
    const tops = post.headings.filter((h) => h.level <= 2);
    const texts = [post.title ?? '', ...post.tags, ...tops.map((h) => h.text)];
    const topic = saturatedTopic(texts);
    if (!topic) return;
    const inTitle = post.title !== null && topic.res.some((re) => re.test(post.title ?? ''));
    const heading = tops.find((h) => topic.res.some((re) => re.test(h.text)));
    const where =
      inTitle || !heading
        ? { file: post.path, line: post.titleLine ?? 1, note: 'title' }
        : { file: post.path, line: heading.line };
    fail('saturated', { topic: topic.title, makeItYours: topic.makeItYours }, where);
  },
});
