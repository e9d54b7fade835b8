// Reads each feed URL given with the npm package feedparser (a parser nobody at Cairn wrote) and
// prints what it understood as one JSON document: [{status, meta, items}] in the order given.
// Exits 2 when a feed fails to parse, so that a broken feed fails the test that runs this.
const FeedParser = require('feedparser');
const http = require('http');

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => resolve(res)).on('error', reject);
  });
}

async function parse(url) {
  const res = await get(url);
  if (res.statusCode !== 200) {
    res.resume();
    return { url, status: res.statusCode };
  }
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ feedurl: url });
    const items = [];
    let meta = null;
    parser.on('error', (e) => reject(new Error(url + ': ' + e.message)));
    parser.on('meta', (m) => { meta = m; });
    parser.on('readable', function () {
      let item;
      while ((item = this.read())) {
        items.push({
          title: item.title,
          link: item.link,
          description: item.description,
          author: item.author,
          categories: item.categories,
          guid: item.guid,
          pubdate: item.pubdate && item.pubdate.toISOString(),
          date: item.date && item.date.toISOString(),
        });
      }
    });
    parser.on('end', () => resolve({
      url,
      status: 200,
      type: meta['#type'],
      meta: { title: meta.title, link: meta.link, description: meta.description, xmlurl: meta.xmlurl },
      items,
    }));
    res.pipe(parser);
  });
}

(async () => {
  const out = [];
  for (const url of process.argv.slice(2)) {
    out.push(await parse(url));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e.stack || e) + '\n');
  process.exit(2);
});
