import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { CsvReader } from './reader.ts';

/** Rows and start lines as CsvReader reads `text`, fed in chunks of `size` bytes. */
function read(text: string, size: number, delimiter = ','): { rows: string[][]; lines: number[]; bad: number[] } {
  const out = { rows: [] as string[][], lines: [] as number[], bad: [] as number[] };
  const reader = new CsvReader(delimiter, {
    row: (cells, line) => {
      out.rows.push(cells);
      out.lines.push(line);
    },
    bad: (line) => out.bad.push(line),
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) reader.write(bytes.subarray(i, i + size));
  reader.end();
  return out;
}

/** csv-parse over the whole text, with the options the import uses. */
function reference(text: string, delimiter = ','): string[][] {
  const rows: string[][] = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true });
  return rows;
}

const CASES: Record<string, string> = {
  'CRLF, quoted AuditData': 'Id,AuditData,x\r\n1,"{""a"":""b,c""}",\r\n2,"{""n"":1}",z\r\n',
  'LF, no final line break': 'a,b\n1,2\n3,"4"',
  'line breaks inside quotes, blank lines between rows': 'a,b\r\n1,"x\r\ny\nz"\r\n\r\n2,3\r\n',
  'a BOM, empty cells, a trailing delimiter': '\ufeffa,b,c\n,,\n"",x,\n',
  'multi-byte text split anywhere': 'a,b\n日本語,"テスト ""引用"""\n',
  'a quote inside an unquoted field, text after a closing quote': 'a,b,c\n1,ab"c,2\n3,"x"y,4\n5,6,7\n',
  'a stray carriage return': 'a,b\n1,x\ry\n2,3\n',
};

describe('CSV reader', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads as csv-parse does, in any chunking: ${name}`, () => {
      const expected = reference(text);
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) assert.deepEqual(read(text, size).rows, expected, `chunks of ${size}`);
    });
  }

  it('numbers each row by the line it starts on', () => {
    assert.deepEqual(read(CASES['line breaks inside quotes, blank lines between rows']!, 5).lines, [1, 2, 6]);
  });

  it('takes a bare line feed in a CRLF file as a blank line (csv-parse glued it to the next cell)', () => {
    assert.deepEqual(read('a,b\r\n1,2\r\n\n3,4\r\n', 3).rows, [['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('reports a quoted field that is never closed, at its line', () => {
    const r = read('a,b\n1,2\n3,"open\nstill open', 4);
    assert.deepEqual(r.rows, [['a', 'b'], ['1', '2']]);
    assert.deepEqual(r.bad, [3]);
  });

  it('reads tab- and semicolon-separated files', () => {
    assert.deepEqual(read('a\tb\n"x\ty"\t2\n', 3, '\t').rows, [['a', 'b'], ['x\ty', '2']]);
    assert.deepEqual(read('a;b\r\n1;"2;3"\r\n', 3, ';').rows, [['a', 'b'], ['1', '2;3']]);
  });
});
