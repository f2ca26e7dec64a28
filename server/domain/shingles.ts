// Near-duplicate text: w-shingling (runs of five words) compared by containment, with MinHash
// signatures cut into LSH bands so candidates come from an index (sources.shingle_bands)
// instead of comparing a new article with every stored body.

const SHINGLE_WORDS = 5;
const BANDS = 20;
const ROWS = 3;
// Below this many shingles a text is too short to call a reprint of anything.
const MIN_SHINGLES = 12;

/** Words as compared: lower case, accents and punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The text with the given ranges (page clutter) blanked out, offsets unchanged. */
export function withoutRanges(text: string, ranges: { start: number; end: number }[]): string {
  if (!ranges.length) return text;
  let out = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + '\n'.repeat(Math.max(0, r.end - r.start));
    at = r.end;
  }
  return out + text.slice(at);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// MurmurHash3's finaliser: spreads one 32-bit value into another, seeded per hash function.
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The set of five-word shingles of a text, hashed to 32 bits. */
export function shinglesOf(text: string): Set<number> {
  const words = wordsOf(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/**
 * LSH bands of the MinHash signature: two texts whose shingle sets overlap by about 40% or
 * more (Jaccard) very likely share at least one band. Empty for texts too short to judge.
 */
export function shingleBands(shingles: Set<number>): string[] {
  if (shingles.size < MIN_SHINGLES) return [];
  const signature = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const s of shingles) {
      const h = mix(s ^ seed);
      if (h < min) min = h;
    }
    return min;
  });
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    bands.push(`${b}:${signature.slice(b * ROWS, (b + 1) * ROWS).map((h) => h.toString(36)).join('.')}`);
  }
  return bands;
}

/** Share of the smaller text's shingles found in the other: 1 for a verbatim reprint, however trimmed. */
export function containment(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Length of the longest common subsequence of two id sequences: how much of their order agrees. */
export function commonOrder(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}
