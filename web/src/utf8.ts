// The API locates phrases by byte offsets into UTF-8 text; JavaScript
// strings index UTF-16 code units. ByteIndex converts one to the other.

/**
 * ByteIndex maps UTF-8 byte offsets of a string to its UTF-16 indexes.
 * An offset inside a multi-byte character maps to the start of that
 * character; offsets past the end map to the string's length.
 */
export class ByteIndex {
  private readonly toUnit: Uint32Array;
  readonly byteLength: number;

  constructor(readonly text: string) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
        n += 4;
        i++;
      } else n += 3; // BMP character, or a lone surrogate (encoded as U+FFFD)
    }
    this.byteLength = n;
    const m = new Uint32Array(n + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let w: number;
      let units = 1;
      if (c < 0x80) w = 1;
      else if (c < 0x800) w = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
        w = 4;
        units = 2;
      } else w = 3;
      for (let k = 0; k < w; k++) m[b + k] = i;
      b += w;
      i += units - 1;
    }
    m[n] = text.length;
    this.toUnit = m;
  }

  /** unit returns the UTF-16 index of byte offset b. */
  unit(b: number): number {
    if (b <= 0) return 0;
    if (b >= this.byteLength) return this.text.length;
    return this.toUnit[b];
  }

  /** slice returns the text between byte offsets start and end. */
  slice(start: number, end: number): string {
    return this.text.slice(this.unit(start), this.unit(end));
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
