// Bytes of an uploaded or fetched article to text. Newsroom files come as UTF-8, as UTF-16 with
// a byte-order mark (Word's "Unicode text"), or as Windows-1252 / Latin-1 from older systems;
// anything else is refused rather than stored as mojibake.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportProblem } from './problems.ts';

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string };

// File signatures of the binary formats editors most often pick by mistake.
const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP / Word / OpenDocument', [0x50, 0x4b, 0x03, 0x04]],
  ['Word 97-2003 / Office', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip', [0x1f, 0x8b]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['executable', [0x4d, 0x5a]],
  ['WebP / RIFF', [0x52, 0x49, 0x46, 0x46]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Characters that never appear in an article: C0 controls other than tab, line feed, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function refuseBinary(kind?: string): never {
  throw new ImportProblem(
    'import.error.binary',
    kind ? `This is a ${kind} file, not text: save the article as .txt, .md or .html and upload that.` : 'This file is binary, not text: save the article as .txt, .md or .html and upload that.',
    { kind: kind ?? '' },
    'file',
  );
}

function refuseEncoding(encoding?: string): never {
  throw new ImportProblem(
    'import.error.encoding',
    `The text is not in a supported encoding${encoding ? ` (it looks like ${encoding})` : ''}: save it as UTF-8 and try again.`,
    { encoding: encoding ?? '' },
    'file',
  );
}

function checkText(text: string, encoding: string): DecodedText {
  const controls = text.match(CONTROL)?.length ?? 0;
  // A stray control character happens in real files; many mean the bytes were not text.
  if (controls > Math.max(2, text.length / 1000)) refuseBinary();
  return { text: controls ? text.replace(CONTROL, '') : text, encoding };
}

/**
 * Decodes article bytes. `declared` is a charset from a Content-Type header or a <meta>, used
 * when the bytes themselves carry no byte-order mark.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  for (const [kind, sig] of SIGNATURES) if (startsWith(bytes, sig)) refuseBinary(kind);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checkText(strictUtf8(bytes.subarray(3)) ?? refuseEncoding(), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return checkText(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checkText(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');

  const sample = bytes.subarray(0, 64 * 1024);
  const nuls = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls) {
    // Every other byte zero is UTF-16 without its byte-order mark: say so, it is easy to fix.
    if (nuls > sample.length / 4) refuseEncoding('UTF-16 without a byte-order mark');
    refuseBinary();
  }

  const label = declared?.trim().toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) {
    // A declared single-byte Western charset is honoured; the web's "iso-8859-1" means Windows-1252.
    const name = /^(iso-8859-1|latin1|l1|us-ascii|ascii|windows-1252|cp1252|iso-8859-15)$/.test(label) ? 'windows-1252' : label;
    if (name === 'windows-1252' || strictUtf8(bytes) === null) return checkText(iconv.decode(Buffer.from(bytes), name), name);
  }

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');

  const guesses = chardet.analyse(sample);
  const western = guesses.find((g) => /^(ISO-8859-1|ISO-8859-15|windows-1252)$/i.test(g.name));
  const best = guesses[0];
  // Latin text in a legacy encoding: chardet ranks a Western single-byte charset near the top.
  if (western && (!best || western.confidence >= best.confidence - 20)) {
    return checkText(iconv.decode(Buffer.from(bytes), 'windows-1252'), 'windows-1252');
  }
  refuseEncoding(best?.name);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
