// Drives the real npm client `node-pinboard` against Cairn and checks every answer.
// node-pinboard has https://api.pinboard.in/v1 built in; the only change is where its requests go:
// node-fetch is wrapped so that base URL points at Cairn (as a hosts-file entry would).
// Usage: node node-pinboard-check.js http://127.0.0.1:PORT/v1 NAME:SECRET
'use strict';
const assert = require('assert');
const base = process.argv[2];
const token = process.argv[3];

const fetchPath = require.resolve('node-fetch');
const realFetch = require('node-fetch');
const redirected = (url, options) =>
  realFetch(String(url).replace('https://api.pinboard.in/v1', base), options);
Object.assign(redirected, realFetch);
redirected.default = redirected;
redirected.__esModule = true;
require.cache[fetchPath].exports = redirected;

const Pinboard = require('node-pinboard').default;
const pinboard = new Pinboard(token);

function ok(name) {
  console.log('ok ' + name);
}

async function main() {
  const url = 'https://example.com/node-pinboard';
  const other = 'https://example.org/second';

  let r = await pinboard.add({
    url, description: 'node-pinboard test', extended: 'some notes',
    tags: 'github,node-pinboard,test', toread: 'yes'
  });
  assert.deepStrictEqual(r, { result_code: 'done' });
  r = await pinboard.add({ url: other, description: 'second', tags: 'test other', dt: '2020-02-03T04:05:06.789Z' });
  assert.deepStrictEqual(r, { result_code: 'done' });
  r = await pinboard.add({ url, description: 'again', replace: 'no' });
  assert.deepStrictEqual(r, { result_code: 'item already exists' });
  ok('add');

  r = await pinboard.get({ url });
  assert.strictEqual(r.posts.length, 1);
  const post = r.posts[0];
  assert.strictEqual(post.href, url);
  assert.strictEqual(post.description, 'node-pinboard test');
  assert.strictEqual(post.extended, 'some notes');
  assert.strictEqual(post.tags, 'github node-pinboard test');
  assert.strictEqual(post.toread, 'yes');
  // the client sent no `shared`: a new account is private by default, so the bookmark is private
  assert.strictEqual(post.shared, 'no');
  assert.match(post.hash, /^[0-9a-f]{32}$/);
  assert.match(post.meta, /^[0-9a-f]{32}$/);
  assert.match(post.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  ok('get by url');

  r = await pinboard.get({ tag: 'other', dt: '2020-02-03' });
  assert.deepStrictEqual(r.posts.map(p => p.href), [other]);
  assert.strictEqual(r.posts[0].time, '2020-02-03T04:05:06Z');
  ok('get by tag');

  r = await pinboard.recent({ count: 1 });
  assert.strictEqual(r.posts.length, 1);
  assert.strictEqual(r.posts[0].href, url);
  r = await pinboard.recent({ tag: 'test' });
  assert.deepStrictEqual(r.posts.map(p => p.href), [url, other]);
  ok('recent');

  r = await pinboard.dates({ tag: 'test' });
  assert.strictEqual(r.tag, 'test');
  assert.strictEqual(r.dates['2020-02-03'], 1);
  assert.strictEqual(Object.values(r.dates).reduce((a, b) => a + b, 0), 2);
  ok('dates');

  r = await pinboard.all({});
  assert.deepStrictEqual(r.map(p => p.href), [url, other]);
  r = await pinboard.all({ start: 1, results: 1 });
  assert.deepStrictEqual(r.map(p => p.href), [other]);
  r = await pinboard.all({ start: 2, results: 1 });
  assert.deepStrictEqual(r, []);
  r = await pinboard.all({ tag: 'github' });
  assert.deepStrictEqual(r.map(p => p.href), [url]);
  ok('all with paging');

  r = await pinboard.suggest(url);
  assert.ok(Array.isArray(r) && r.length === 2);
  // the only save of the URL is private: its tags are nobody's popular tags
  assert.ok(!r[0].popular.includes('github'));
  assert.ok(r[1].recommended.includes('node-pinboard'));
  ok('suggest');

  r = await pinboard.getTags({});
  assert.deepStrictEqual(r, { github: 1, 'node-pinboard': 1, other: 1, test: 2 });
  ok('tags/get');

  r = await pinboard.renameTag({ old: 'github', new: 'GitHub' });
  assert.deepStrictEqual(r, { result: 'done' });
  r = await pinboard.renameTag({ old: 'other', new: 'test' });
  assert.deepStrictEqual(r, { result: 'done' });
  r = await pinboard.getTags({});
  assert.deepStrictEqual(r, { GitHub: 1, 'node-pinboard': 1, test: 2 });
  ok('tags/rename');

  r = await new Promise((resolve, reject) =>
    pinboard.delTag('node-pinboard', (err, res) => (err ? reject(err) : resolve(res))));
  assert.deepStrictEqual(r, { result: 'done' });
  r = await pinboard.getTags({});
  assert.deepStrictEqual(r, { GitHub: 1, test: 2 });
  ok('tags/delete');

  const before = (await pinboard.update({})).update_time;
  assert.match(before, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  r = await pinboard.add({ url, description: 'updated title', tags: 'GitHub', shared: 'no' });
  assert.deepStrictEqual(r, { result_code: 'done' });
  r = await pinboard.get({ url });
  assert.strictEqual(r.posts[0].description, 'updated title');
  assert.strictEqual(r.posts[0].shared, 'no');
  assert.strictEqual(r.posts[0].time, post.time, 'replace keeps the original time');
  ok('update');

  r = await pinboard.delete(other);
  assert.deepStrictEqual(r, { result_code: 'done' });
  r = await pinboard.delete(other);
  assert.deepStrictEqual(r, { result_code: 'item not found' });
  r = await pinboard.all({});
  assert.deepStrictEqual(r.map(p => p.href), [url]);
  ok('delete');

  r = await pinboard.api_token({});
  assert.deepStrictEqual(r, { result: token.split(':')[1] });
  r = await pinboard.userSecret({});
  assert.match(r.result, /^[0-9a-f]{20}$/);
  ok('user/api_token');

  r = await new Promise((resolve, reject) =>
    pinboard.listNotes((err, res) => (err ? reject(err) : resolve(res))));
  assert.strictEqual(typeof r.count, 'number');
  ok('notes/list');
}

main().then(
  () => console.log('all passed'),
  err => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
