/** How the bytes of a file were turned into text. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1' | 'binary';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode file bytes as a person's editor would: honour BOMs, recognise BOM-less UTF-16 by its
 * zero bytes, fall back to Latin-1 for legacy encodings, and call anything else with NUL bytes
 * binary. Line endings are normalised to `\n` so line numbers match what editors show.
 */
export function decodeText(bytes: Uint8Array, truncated = false): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: normaliseNewlines(decodeUtf8Lenient(bytes.subarray(3), truncated)),
      encoding: 'utf-8-bom',
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: normaliseNewlines(decodeUtf16(bytes.subarray(2), 'le')), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: normaliseNewlines(decodeUtf16(bytes.subarray(2), 'be')), encoding: 'utf-16be' };
  }
  const probe = bytes.subarray(0, 8192);
  let zeros = 0;
  let zerosOdd = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] === 0) {
      zeros++;
      if (i % 2 === 1) zerosOdd++;
    }
  }
  if (zeros > 0) {
    // BOM-less UTF-16LE text (Windows tools write it): ASCII characters leave a zero in every odd byte.
    if (probe.length >= 4 && zerosOdd >= probe.length * 0.4 && zerosOdd >= zeros * 0.9) {
      return { text: normaliseNewlines(decodeUtf16(bytes, 'le')), encoding: 'utf-16le' };
    }
    return { text: '', encoding: 'binary' };
  }
  try {
    return {
      text: normaliseNewlines(utf8Strict.decode(trimPartialUtf8(bytes, truncated))),
      encoding: 'utf-8',
    };
  } catch {
    if (looksBinary(probe)) return { text: '', encoding: 'binary' };
    return { text: normaliseNewlines(Buffer.from(bytes).toString('latin1')), encoding: 'latin1' };
  }
}

function decodeUtf8Lenient(bytes: Uint8Array, truncated: boolean): string {
  return new TextDecoder('utf-8').decode(trimPartialUtf8(bytes, truncated));
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = bytes.length - (bytes.length % 2);
  const buf = Buffer.from(bytes.subarray(0, even));
  if (order === 'be') buf.swap16();
  return buf.toString('utf16le');
}

/** A read cut at a byte limit may end inside a multi-byte character; drop that tail, not the file. */
function trimPartialUtf8(bytes: Uint8Array, truncated: boolean): Uint8Array {
  if (!truncated) return bytes;
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if ((b & 0xc0) === 0xc0) end -= back;
    break;
  }
  return bytes.subarray(0, end);
}

function looksBinary(probe: Uint8Array): boolean {
  let control = 0;
  for (const b of probe) {
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return probe.length > 0 && control / probe.length > 0.1;
}

export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
