// Which line of a file first gave a key, for every record key of a file of a million rows. A Map of
// the key strings held ~70 bytes a key on the V8 heap (the string and the entry): ~70 MB of a
// million-row import's live heap. Here a key is kept as a 64-bit hash in typed arrays, off the heap,
// 12 bytes a slot at most half full. Two different keys share a hash with a probability of about
// n² / 2⁶⁵ (3 in 100 million for a million keys): the cost is one row wrongly reported as a repeat.

/** Two 32-bit hashes of the text's UTF-16 code units, mixed differently: together a 64-bit hash. */
function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Final avalanche of each half (murmur3's), so nearby keys spread over the table.
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}

const FIRST_CAPACITY = 1 << 10;

export class KeyLines {
  private hi = new Uint32Array(FIRST_CAPACITY);
  private lo = new Uint32Array(FIRST_CAPACITY);
  /** The line; 0 marks an empty slot (a file's data lines start at 2). */
  private lines = new Uint32Array(FIRST_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const [h, l] = hash64(key);
    const line = this.lines[this.slotOf(h, l)];
    return line === 0 ? undefined : line;
  }

  /** Records the key's line; a key already there keeps its first line. */
  set(key: string, line: number): void {
    if (line < 1) throw new RangeError('a line number starts at 1');
    const [h, l] = hash64(key);
    const slot = this.slotOf(h, l);
    if (this.lines[slot] !== 0) return;
    this.hi[slot] = h;
    this.lo[slot] = l;
    this.lines[slot] = line;
    this.count++;
    if (this.count * 2 > this.lines.length) this.grow();
  }

  /** The slot holding the hash, or the empty one where it would go (linear probing). */
  private slotOf(h: number, l: number): number {
    const mask = this.lines.length - 1;
    let slot = l & mask;
    while (this.lines[slot] !== 0 && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [hi, lo, lines] = [this.hi, this.lo, this.lines];
    const capacity = lines.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const slot = this.slotOf(hi[i] as number, lo[i] as number);
      this.hi[slot] = hi[i] as number;
      this.lo[slot] = lo[i] as number;
      this.lines[slot] = lines[i] as number;
    }
  }
}
