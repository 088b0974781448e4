#!/usr/bin/env node
// Draws the extension icon (images/icon.png, 128x128 RGBA PNG) with node built-ins only:
// a small dense network on a dark rounded square, with two of its units "dropped" (hollow),
// i.e. dropout. 4x4 supersampling for smooth edges; PNG written with zlib and a CRC-32.
//
//   node scripts/makeIcon.mjs [out.png]      (npm run icon)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'images', 'icon.png');

const BACKGROUND = [30, 42, 58];
const EDGE = [120, 144, 170];
const UNIT = [255, 143, 0]; // TensorFlow orange
const DROPPED = [120, 144, 170];

const columns = [
  [40, 64, 88].map((y) => [30, y]),
  [28, 52, 76, 100].map((y) => [64, y]),
  [46, 82].map((y) => [98, y]),
];
const dropped = new Set(['1,1', '1,3']); // column,row of the hollow (dropped) units
const RADIUS = 8.5;

/** Edges between consecutive columns, skipping those into or out of dropped units. */
const edges = [];
for (let c = 0; c + 1 < columns.length; c++) {
  columns[c].forEach((a, i) => {
    columns[c + 1].forEach((b, j) => {
      if (dropped.has(`${c},${i}`) || dropped.has(`${c + 1},${j}`)) return;
      edges.push([a, b]);
    });
  });
}

function roundedSquare(x, y) {
  const r = 22;
  const dx = Math.max(r - x, 0, x - (SIZE - r));
  const dy = Math.max(r - y, 0, y - (SIZE - r));
  return dx * dx + dy * dy <= r * r;
}

function segmentDistance([x, y], [[ax, ay], [bx, by]]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** Colour (RGBA) at a sub-pixel point. */
function sample(x, y) {
  if (!roundedSquare(x, y)) return [0, 0, 0, 0];
  let color = BACKGROUND;
  for (const edge of edges) if (segmentDistance([x, y], edge) < 1.1) color = EDGE;
  columns.forEach((column, c) =>
    column.forEach(([cx, cy], i) => {
      const d = Math.hypot(x - cx, y - cy);
      if (dropped.has(`${c},${i}`)) {
        if (d <= RADIUS && d >= RADIUS - 2.2) color = DROPPED;
        else if (d < RADIUS - 2.2) color = BACKGROUND;
      } else if (d <= RADIUS) {
        color = UNIT;
      }
    }),
  );
  return [...color, 255];
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const offset = row + 1 + x * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let k = 0; k < 3; k++) pixels[offset + k] = sum[3] === 0 ? 0 : Math.round(sum[k] / sum[3]);
    pixels[offset + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}x${SIZE}, ${png.length} bytes)`);
