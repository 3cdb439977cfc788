/**
 * A self-contained HTML page from a list of blocks (headings, paragraphs, tables, SVG charts, preformatted
 * text, lists): inline CSS, no scripts, nothing fetched, so the file can be opened anywhere or mailed.
 * Text is escaped; only an `svg` block's markup goes in as it is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { escapeXml } from './escape-xml.ts';

/** A table cell: text, a number, or `null` for a dash. */
export type TableCell = string | number | null;

export type PageBlock =
  | { readonly type: 'heading'; readonly text: string; readonly level?: 2 | 3 }
  | { readonly type: 'paragraph'; readonly text: string }
  /** Numbers are right-aligned and written with thousands separators; `null` shows a dash. */
  | {
      readonly type: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly TableCell[])[];
      readonly caption?: string;
    }
  /** SVG markup, such as `svgChart`'s, inserted unescaped. */
  | { readonly type: 'svg'; readonly svg: string; readonly caption?: string }
  | { readonly type: 'preformatted'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly string[] };

export interface HtmlPage {
  readonly title: string;
  readonly blocks: readonly PageBlock[];
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 60rem;
  margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: #555; padding-bottom: .4rem; }
th, td { padding: .3rem .7rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
th { border-bottom: 2px solid #999; } td.num { text-align: right; }
figure { margin: 1rem 0; } figcaption { color: #555; font-size: .9rem; }
svg { max-width: 100%; height: auto; }
pre { background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .85rem; }`;

/** The page as an HTML document string. */
export function htmlPage(page: HtmlPage): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(page.title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeXml(page.title)}</h1>`,
    ...page.blocks.map(renderBlock),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Writes the page to `path`, creating its directory; resolves to the absolute path written. */
export async function writeHtmlPage(path: string, page: HtmlPage): Promise<string> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, htmlPage(page), 'utf8');
  return target;
}

function renderBlock(block: PageBlock): string {
  switch (block.type) {
    case 'heading': {
      const level = block.level ?? 2;
      return `<h${level}>${escapeXml(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${escapeXml(block.text)}</p>`;
    case 'table': {
      const caption = block.caption ? `<caption>${escapeXml(block.caption)}</caption>` : '';
      const head = `<tr>${block.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>`;
      const rows = block.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`);
      return `<table>${caption}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
    }
    case 'svg':
      return `<figure>${block.svg}${block.caption ? `<figcaption>${escapeXml(block.caption)}</figcaption>` : ''}</figure>`;
    case 'preformatted':
      return `<pre>${escapeXml(block.text)}</pre>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`;
  }
}

function cell(value: TableCell): string {
  if (value === null) return '<td class="num">–</td>';
  return typeof value === 'number' ? `<td class="num">${NUMBER.format(value)}</td>` : `<td>${escapeXml(value)}</td>`;
}
