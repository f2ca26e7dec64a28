import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from '../../../server/import/decode.ts';
import { ImportProblem } from '../../../server/import/problems.ts';

const sample = 'Le chef de la diplomatie américaine a assuré mercredi que « l’ingérence » était inacceptable.\n';

function refused(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof ImportProblem && e.code === code);
}

describe('decoding article files', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    assert.equal(decodeText(Buffer.from(sample, 'utf8')).text, sample);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    assert.equal(decodeText(bom).text, sample);
  });

  it('reads UTF-16 little- and big-endian with their byte-order mark', () => {
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')])).text, sample);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')])).text, sample);
  });

  it('recognises Windows-1252 / Latin-1 text', () => {
    const bytes = iconv.encode('Sergueï Lavrov a été reçu à la Maison Blanche — « une très bonne réunion ».', 'windows-1252');
    const decoded = decodeText(bytes);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.text, 'Sergueï Lavrov a été reçu à la Maison Blanche — « une très bonne réunion ».');
  });

  it('honours a declared charset when the bytes are not UTF-8', () => {
    assert.equal(decodeText(iconv.encode('Déclaration à la presse', 'latin1'), 'iso-8859-1').text, 'Déclaration à la presse');
  });

  it('refuses binary files, naming the usual formats', () => {
    refused(() => decodeText(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'import.error.binary');
    refused(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'import.error.binary');
    refused(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), 'import.error.binary');
    refused(() => decodeText(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))), 'import.error.binary');
  });

  it('refuses UTF-16 without a byte-order mark and encodings it does not support', () => {
    refused(() => decodeText(iconv.encode(sample, 'utf-16le')), 'import.error.encoding');
    refused(() => decodeText(iconv.encode('ロシアのラブロフ外相は、選挙の話はしなかったと述べた。'.repeat(20), 'shift_jis')), 'import.error.encoding');
  });
});
