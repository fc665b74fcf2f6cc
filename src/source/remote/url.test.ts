import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheKey, looksRemote, parseRemoteUrl } from './url.js';

const strict = { allowHttp: false };

describe('parseRemoteUrl', () => {
  it('accepts https, ssh and git@host:path and names the repository', () => {
    const https = parseRemoteUrl('https://GitHub.com/ada/bikes.git', strict);
    assert.equal(https.protocol, 'https');
    assert.equal(https.name, 'bikes');
    assert.equal(https.normalised, 'https://github.com/ada/bikes');
    const scp = parseRemoteUrl('git@gitlab.com:ada/sub/bikes.git', strict);
    assert.equal(scp.protocol, 'ssh');
    assert.equal(scp.normalised, 'ssh://git@gitlab.com/ada/sub/bikes');
    assert.equal(parseRemoteUrl('ssh://git@bitbucket.org:2222/ada/bikes', strict).protocol, 'ssh');
  });

  it('gives two spellings of one repository the same cache key, and different repositories different ones', () => {
    const a = parseRemoteUrl('https://github.com/ada/bikes', strict);
    const b = parseRemoteUrl('https://GITHUB.com/ada/bikes.git/', strict);
    const c = parseRemoteUrl('https://github.com/ada/bikes2', strict);
    assert.equal(cacheKey(a), cacheKey(b));
    assert.notEqual(cacheKey(a), cacheKey(c));
    assert.match(cacheKey(a), /^[0-9a-f]{32}$/);
  });

  it('reduces a GitHub page link to its repository', () => {
    const page = parseRemoteUrl('https://github.com/ada/bikes/tree/main/src', strict);
    assert.equal(page.cloneUrl, 'https://github.com/ada/bikes');
    assert.equal(page.name, 'bikes');
  });

  for (const [input, reason] of [
    ['file:///etc/passwd', /file:\/\/ transport is not allowed/],
    ['ext::sh -c touch% /tmp/pwned', /spaces|remote helpers/],
    ['ext::sh', /remote helpers/],
    ['fd::17', /remote helpers/],
    ['git://example.com/ada/bikes', /git:\/\/ transport/],
    ['ftp://example.com/ada/bikes', /ftp:\/\/ transport/],
    ['--upload-pack=touch /tmp/x', /spaces|option/],
    ['-uevil@host:repo', /option/],
    ['https://-oProxyCommand=evil/ada/bikes', /option|valid URL/],
    ['ssh://-oProxyCommand=evil/x', /option|valid URL/],
    ['git@-evil:repo', /option/],
    ['https://github.com/ada/--upload-pack', /option/],
    ['https://user:secret@github.com/ada/bikes', /password/],
    ['https://github.com/ada/bikes?x=1', /query/],
    ['https://github.com/ada/../bob', /`\.`/],
    ['https://github.com/ada/bi kes', /spaces/],
    ['https://github.com/', /no repository path/],
  ] as const) {
    it(`refuses ${input}`, () => {
      assert.throws(() => parseRemoteUrl(input, { allowHttp: true }), reason);
    });
  }

  it('refuses plain http unless allowed', () => {
    assert.throws(() => parseRemoteUrl('http://10.0.0.5/ada/bikes.git', strict), /plain http/);
    assert.equal(parseRemoteUrl('http://10.0.0.5/ada/bikes.git', { allowHttp: true }).protocol, 'http');
  });
});

describe('looksRemote', () => {
  it('tells addresses from local folders', () => {
    assert.equal(looksRemote('https://github.com/a/b'), true);
    assert.equal(looksRemote('git@github.com:a/b.git'), true);
    assert.equal(looksRemote('ext::sh'), true);
    assert.equal(looksRemote('./projects/bikes'), false);
    assert.equal(looksRemote('/home/ada/notes:2024'), false);
    assert.equal(looksRemote('C:/work'), false);
  });
});
