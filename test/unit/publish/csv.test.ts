import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from '../../../server/publish/csv.ts';

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    const csv = toCsv(['id', 'claim'], [[1, 'Sergueï Lavrov dément']]);
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.equal(csv.slice(1), 'id,claim\r\n1,Sergueï Lavrov dément\r\n');
  });

  it('quotes cells with commas, quotes or line breaks, doubling inner quotes', () => {
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('il a dit "non"'), '"il a dit ""non"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(42), '42');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
    assert.equal(csvCell('+1 555'), "'+1 555");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-3), '-3', 'numbers are left alone');
  });
});
