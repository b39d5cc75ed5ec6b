import { describe, expect, it } from 'vitest';

import { parseTsv, toTsv } from '../../client/src/components/editable-grid/tsv';

describe('parseTsv', () => {
  it("splits rows by CRLF or LF and cells by tab, ignoring Excel's trailing newline", () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('a\t\tc\n\nx')).toEqual([['a', '', 'c'], [''], ['x']]);
  });

  it('unquotes cells Excel quoted because of newlines, tabs or quotes', () => {
    expect(parseTsv('"строка 1\nстрока 2"\tb\n"с ""кавычками"""\tc')).toEqual([
      ['строка 1\nстрока 2', 'b'],
      ['с "кавычками"', 'c'],
    ]);
  });

  it('treats a quote that does not close the cell as literal text', () => {
    expect(parseTsv('"Школа" №5\tx')).toEqual([['"Школа" №5', 'x']]);
  });

  it('returns a single cell for plain text and nothing for an empty string', () => {
    expect(parseTsv('ежегодно')).toEqual([['ежегодно']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('round-trips through toTsv', () => {
    const matrix = [
      ['a', 'b\nc'],
      ['"q"', 'd\te'],
    ];
    expect(parseTsv(toTsv(matrix))).toEqual(matrix);
  });
});
