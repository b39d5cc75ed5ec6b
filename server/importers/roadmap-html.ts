// mammoth HTML of a .docx → paragraphs before/after the table and the table's exact cells.
// Only the small, regular HTML mammoth emits is handled (p, table, tr, td/th, rowspan/colspan).
import type { TableCell } from './roadmap-table';

export interface HtmlDocument {
  before: string[];
  after: string[];
  rows: TableCell[][];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m);

/** Paragraph texts of an HTML fragment (list items and <br> become separate lines). */
export const paragraphs = (html: string): string[] =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .split(/<\/(?:p|li|h\d)>/i)
    .flatMap((chunk) => decode(chunk.replace(/<[^>]+>/g, '')).split('\n'))
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

const attr = (tag: string, name: string): number => {
  const m = new RegExp(`${name}="(\\d+)"`, 'i').exec(tag);
  return m ? Number(m[1]) : 1;
};

/** Expands rowspan/colspan so every row has one entry per column; covered slots are empty. */
const tableRows = (table: string): TableCell[][] => {
  const pending = new Map<number, number>();
  const rows: TableCell[][] = [];
  const trs = table.match(/<tr[^>]*>[\s\S]*?<\/tr>/gi) ?? [];
  trs.forEach((tr, r) => {
    const row: TableCell[] = [];
    const cells = [...tr.matchAll(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/gi)];
    const place = (cell: TableCell): void => {
      while ((pending.get(row.length) ?? 0) > 0) {
        pending.set(row.length, (pending.get(row.length) ?? 1) - 1);
        row.push({ line: r + 1, lines: [] });
      }
      row.push(cell);
    };
    for (const [, , tag, inner] of cells) {
      place({ line: r + 1, lines: paragraphs(inner) });
      const col = row.length - 1;
      for (let k = 1; k < attr(tag, 'colspan'); k += 1) row.push({ line: r + 1, lines: [] });
      if (attr(tag, 'rowspan') > 1) pending.set(col, attr(tag, 'rowspan') - 1);
    }
    // Columns still covered by a rowspan from above at the row's end.
    while ((pending.get(row.length) ?? 0) > 0) {
      pending.set(row.length, (pending.get(row.length) ?? 1) - 1);
      row.push({ line: r + 1, lines: [] });
    }
    rows.push(row);
  });
  return rows;
};

/** Splits mammoth HTML at its largest table. */
export const readHtml = (html: string): HtmlDocument => {
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/gi)];
  if (!tables.length) return { before: paragraphs(html), after: [], rows: [] };
  const main = tables.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const at = main.index ?? 0;
  return {
    before: paragraphs(html.slice(0, at)),
    after: paragraphs(html.slice(at + main[0].length)),
    rows: tableRows(main[0]),
  };
};
