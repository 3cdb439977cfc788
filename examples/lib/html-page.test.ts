import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlPage, writeHtmlPage } from './html-page.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('htmlPage', () => {
  it('escapes every text but inserts SVG markup as it is', () => {
    const html = htmlPage({
      title: 'Runs <compared>',
      blocks: [
        { type: 'paragraph', text: 'a < b & c' },
        { type: 'svg', svg: '<svg><rect width="1" height="1"/></svg>', caption: 'x & y' },
        { type: 'list', items: ['<li>'] },
        { type: 'preformatted', text: '</pre>' },
      ],
    });
    expect(html).toContain('<title>Runs &lt;compared&gt;</title>');
    expect(html).toContain('<p>a &lt; b &amp; c</p>');
    expect(html).toContain('<svg><rect width="1" height="1"/></svg><figcaption>x &amp; y</figcaption>');
    expect(html).toContain('<li>&lt;li&gt;</li>');
    expect(html).toContain('<pre>&lt;/pre&gt;</pre>');
  });

  it('right-aligns numbers in tables with thousands separators, and shows null as a dash', () => {
    const html = htmlPage({
      title: 't',
      blocks: [
        {
          type: 'table',
          columns: ['run', 'input tokens'],
          rows: [
            ['baseline', 204_416],
            ['floor', null],
          ],
          caption: 'Five tickets',
        },
      ],
    });
    expect(html).toContain('<caption>Five tickets</caption>');
    expect(html).toContain('<td>baseline</td><td class="num">204,416</td>');
    expect(html).toContain('<td>floor</td><td class="num">–</td>');
  });

  it('is self-contained: no scripts, no stylesheets or images fetched from elsewhere', () => {
    const html = htmlPage({ title: 't', blocks: [{ type: 'heading', text: 'h', level: 3 }] });
    expect(html).not.toMatch(/<script|<link|src=|https?:/);
    expect(html).toContain('<h3>h</h3>');
  });
});

describe('writeHtmlPage', () => {
  it('creates the directory and writes the page, returning its absolute path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'html-page-'));
    dirs.push(dir);
    const written = await writeHtmlPage(join(dir, 'out', 'page.html'), { title: 'Hello', blocks: [] });
    expect(written).toBe(join(dir, 'out', 'page.html'));
    expect(await readFile(written, 'utf8')).toContain('<h1>Hello</h1>');
  });
});
