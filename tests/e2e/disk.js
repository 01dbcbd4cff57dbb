// What a browser profile keeps on disk, searched the way someone who picks up the device
// could: every file of the profile directory, for each value in UTF-8 and in UTF-16LE
// (Chromium keeps localStorage values as UTF-16). LevelDB tables (.ldb: localStorage,
// IndexedDB and session storage after a compaction) compress their blocks with Snappy, and
// a value seen twice in one block is then a back-reference, not the bytes themselves: each
// block is decompressed and searched too, so nothing hides in a compressed table.
import fs from 'node:fs';
import path from 'node:path';

function varint(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [result, pos];
    shift += 7;
  }
}

/** Snappy's raw format: a length, then literals and copies (github.com/google/snappy). */
export function snappy(input) {
  let [length, pos] = varint(input, 0);
  const out = Buffer.alloc(length);
  let o = 0;
  while (pos < input.length && o < length) {
    const tag = input[pos++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = 0;
        for (let i = 0; i < bytes; i += 1) len += input[pos++] * 2 ** (8 * i);
      }
      len += 1;
      input.copy(out, o, pos, pos + len);
      pos += len;
      o += len;
      continue;
    }
    let len;
    let offset;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | input[pos++];
    } else if (kind === 2) {
      len = (tag >> 2) + 1;
      offset = input.readUInt16LE(pos);
      pos += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = input.readUInt32LE(pos);
      pos += 4;
    }
    for (let i = 0; i < len; i += 1) out[o + i] = out[o - offset + i];
    o += len;
  }
  return out.subarray(0, o);
}

function block(buf, offset, size) {
  const data = buf.subarray(offset, offset + size);
  return buf[offset + size] === 1 ? snappy(data) : data;
}

function entries(b) {
  const restarts = b.readUInt32LE(b.length - 4);
  const end = b.length - 4 - 4 * restarts;
  const out = [];
  let key = Buffer.alloc(0);
  let pos = 0;
  while (pos < end) {
    let shared;
    let unshared;
    let valueLength;
    [shared, pos] = varint(b, pos);
    [unshared, pos] = varint(b, pos);
    [valueLength, pos] = varint(b, pos);
    key = Buffer.concat([key.subarray(0, shared), b.subarray(pos, pos + unshared)]);
    pos += unshared;
    out.push([key, b.subarray(pos, pos + valueLength)]);
    pos += valueLength;
  }
  return out;
}

/** Every data block of a LevelDB table, decompressed. */
export function leveldbTable(buf) {
  const MAGIC = Buffer.from('57fb808b247547db', 'hex');
  if (buf.length < 48 || !buf.subarray(buf.length - 8).equals(MAGIC)) return [];
  const footer = buf.subarray(buf.length - 48);
  let pos = 0;
  [, pos] = varint(footer, pos);
  [, pos] = varint(footer, pos);
  const [indexOffset, p] = varint(footer, pos);
  const [indexSize] = varint(footer, p);
  const out = [];
  for (const [, handle] of entries(block(buf, indexOffset, indexSize))) {
    const [offset, q] = varint(handle, 0);
    const [size] = varint(handle, q);
    out.push(block(buf, offset, size));
  }
  return out;
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.isFile() ? [full] : [];
  });
}

/** Where in the profile each value is found: [] when nowhere. */
export function searchProfile(dir, values) {
  const hits = [];
  for (const file of files(dir)) {
    let raw;
    try {
      raw = fs.readFileSync(file);
    } catch {
      continue;
    }
    let parts = [raw];
    if (file.endsWith('.ldb')) {
      try {
        parts = parts.concat(leveldbTable(raw));
      } catch (e) {
        hits.push(`${path.relative(dir, file)}: unreadable table (${e.message})`);
      }
    }
    for (const value of values) {
      for (const [encoding, needle] of [['utf-8', Buffer.from(value, 'utf8')], ['utf-16le', Buffer.from(value, 'utf16le')]]) {
        if (parts.some((p) => p.includes(needle))) hits.push(`${value} (${encoding}) in ${path.relative(dir, file)}`);
      }
    }
  }
  return hits;
}
