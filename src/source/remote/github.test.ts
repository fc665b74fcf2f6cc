import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FakeGithub, startFakeGithub } from '../../../test/helpers/fake-github.js';
import { listUserRepos, nextLink } from './github.js';

const repos = Array.from({ length: 7 }, (_, i) => ({
  name: `project-${i}`,
  cloneUrl: `https://example.test/octo/project-${i}.git`,
  fork: i === 3,
  private: i === 5,
}));

describe('listUserRepos', () => {
  let api: FakeGithub;
  before(async () => {
    api = await startFakeGithub({ users: { octo: repos }, perPage: 3 });
  });
  after(() => api.close());

  it('follows Link pages and keeps public repositories that are not forks', async () => {
    const list = await listUserRepos('octo', { apiBase: api.url, token: 't0ken' });
    assert.deepEqual(
      list.map((r) => r.fullName),
      ['octo/project-0', 'octo/project-1', 'octo/project-2', 'octo/project-4', 'octo/project-6'],
    );
    assert.equal(api.requests.length, 3);
    assert.match(api.requests[2]!, /page=3/);
    assert.ok(api.authorizations.every((a) => a === 'Bearer t0ken'));
  });

  it('reports a missing user and refuses a malformed name', async () => {
    await assert.rejects(listUserRepos('nobody', { apiBase: api.url }), /no GitHub user called nobody/);
    await assert.rejects(listUserRepos('../etc', { apiBase: api.url }), /not a GitHub user name/);
  });

  it('fails as a whole, with the reset time and a resume hint, when the rate limit runs out mid-list', async () => {
    const limited = await startFakeGithub({ users: { octo: repos }, perPage: 3, requestsBeforeLimit: 1 });
    try {
      await assert.rejects(
        listUserRepos('octo', { apiBase: limited.url }),
        (err: Error & { hint?: string }) => {
          assert.match(err.message, /rate limit reached.*resets at 2030-03-17T17:46:40\.000Z/);
          assert.match(err.hint ?? '', /run the same command again after the reset.*GITHUB_TOKEN/);
          return true;
        },
      );
    } finally {
      await limited.close();
    }
  });
});

describe('nextLink', () => {
  it('finds rel="next" among several relations', () => {
    const header =
      '<https://api.github.com/user/1/repos?page=2>; rel="next", <https://api.github.com/user/1/repos?page=5>; rel="last"';
    assert.equal(nextLink(header), 'https://api.github.com/user/1/repos?page=2');
    assert.equal(nextLink('<https://x/?page=1>; rel="prev"'), null);
    assert.equal(nextLink(null), null);
  });
});
