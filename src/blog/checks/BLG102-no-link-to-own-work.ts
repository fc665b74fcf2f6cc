import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG102',
  name: 'no-link-to-own-work',
  title: 'Links to the author’s own repository, notebook or data',
  principle: 'blog-only-you',
  severity: 'medium',
  status: 'preview',
  structural: false,
  messages: {
    none: 'No link to your own repository, notebook or data set ({{links}} links in the post)',
    ownWork: 'Links to your own work: {{url}}',
  },
  options: {},
  advice: 'Link the repository (and data) the post is about, so a reader can check and run it.',
  docs: {
    what: 'Looks for a link to a GitHub/GitLab repository or gist, a Kaggle notebook or data set, or a Hugging Face model or Space that belongs to the author.',
    why: 'A hiring manager who likes a post clicks through to the code. A post without a link to the work behind it cannot be checked, and reads like it might not be yours.',
    fix: 'Add a link to the repository near the start and again at the end (“the code is on GitHub”). Put your GitHub user in the front matter (`github: you`) so the link is recognised.',
    limitations:
      'Offline: links are never fetched. A link counts as yours when its account is in the front matter (github, kaggle, url) or when the text introduces it as yours (“my repo”, “code for this post”).',
  },
  run({ post, fail, pass }) {
    const own = post.links.filter((l) => l.kind === 'own-work');
    if (own.length === 0) return fail('none', { links: post.links.length }, { file: post.path });
    pass(
      'ownWork',
      { url: own[0]!.url },
      own.slice(0, 3).map((l) => at(post, l)),
    );
  },
});
