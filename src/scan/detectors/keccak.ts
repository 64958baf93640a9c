/**
 * Keccak-256 (the original Keccak padding 0x01 used by Ethereum, not SHA3-256's 0x06), for
 * EIP-55 address checksums. 64-bit lanes are kept as two 32-bit halves (FIPS 202 §3).
 */
const RC_HI = new Uint32Array(24);
const RC_LO = new Uint32Array(24);
{
  // Round constants from the LFSR of FIPS 202 §3.2.5 (rc(t) bits at positions 2^j − 1).
  let r = 1;
  for (let i = 0; i < 24; i++) {
    let hi = 0;
    let lo = 0;
    for (let j = 0; j < 7; j++) {
      r = ((r << 1) ^ ((r >> 7) * 0x71)) & 0xff;
      if (r & 2) {
        const pos = (1 << j) - 1;
        if (pos >= 32) hi |= 1 << (pos - 32);
        else lo |= 1 << pos;
      }
    }
    RC_HI[i] = hi >>> 0;
    RC_LO[i] = lo >>> 0;
  }
}
/** Rotation offset r[x + 5y], FIPS 202 §3.2.2. */
const ROT = new Int32Array(25);
{
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    ROT[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    const nx = y;
    y = (2 * x + 3 * y) % 5;
    x = nx;
  }
}
/** pi: lane x + 5y moves to y + 5((2x + 3y) mod 5). */
const PI = new Int32Array(25);
for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) PI[x + 5 * y] = y + 5 * ((2 * x + 3 * y) % 5);

const hi = new Uint32Array(25);
const lo = new Uint32Array(25);
const bh = new Uint32Array(25);
const bl = new Uint32Array(25);
const ch = new Uint32Array(5);
const cl = new Uint32Array(5);

const NEXT1 = [1, 2, 3, 4, 0];
const PREV1 = [4, 0, 1, 2, 3];

function permute(): void {
  for (let round = 0; round < 24; round++) {
    // theta: column parities, then each lane ^= C[x−1] ^ rotl(C[x+1], 1)
    for (let x = 0; x < 5; x++) {
      ch[x] = hi[x]! ^ hi[x + 5]! ^ hi[x + 10]! ^ hi[x + 15]! ^ hi[x + 20]!;
      cl[x] = lo[x]! ^ lo[x + 5]! ^ lo[x + 10]! ^ lo[x + 15]! ^ lo[x + 20]!;
    }
    for (let x = 0; x < 5; x++) {
      const h1 = ch[NEXT1[x]!]!;
      const l1 = cl[NEXT1[x]!]!;
      const dh = ch[PREV1[x]!]! ^ ((h1 << 1) | (l1 >>> 31));
      const dl = cl[PREV1[x]!]! ^ ((l1 << 1) | (h1 >>> 31));
      hi[x] = hi[x]! ^ dh;
      lo[x] = lo[x]! ^ dl;
      hi[x + 5] = hi[x + 5]! ^ dh;
      lo[x + 5] = lo[x + 5]! ^ dl;
      hi[x + 10] = hi[x + 10]! ^ dh;
      lo[x + 10] = lo[x + 10]! ^ dl;
      hi[x + 15] = hi[x + 15]! ^ dh;
      lo[x + 15] = lo[x + 15]! ^ dl;
      hi[x + 20] = hi[x + 20]! ^ dh;
      lo[x + 20] = lo[x + 20]! ^ dl;
    }
    // rho and pi
    for (let i = 0; i < 25; i++) {
      const n = ROT[i]!;
      const h = hi[i]!;
      const l = lo[i]!;
      const to = PI[i]!;
      if (n === 0) {
        bh[to] = h;
        bl[to] = l;
      } else if (n < 32) {
        bh[to] = (h << n) | (l >>> (32 - n));
        bl[to] = (l << n) | (h >>> (32 - n));
      } else if (n === 32) {
        bh[to] = l;
        bl[to] = h;
      } else {
        const m = n - 32;
        bh[to] = (l << m) | (h >>> (32 - m));
        bl[to] = (h << m) | (l >>> (32 - m));
      }
    }
    // chi, one row of five lanes at a time
    for (let y = 0; y < 25; y += 5) {
      const h0 = bh[y]!;
      const h1 = bh[y + 1]!;
      const h2 = bh[y + 2]!;
      const h3 = bh[y + 3]!;
      const h4 = bh[y + 4]!;
      hi[y] = h0 ^ (~h1 & h2);
      hi[y + 1] = h1 ^ (~h2 & h3);
      hi[y + 2] = h2 ^ (~h3 & h4);
      hi[y + 3] = h3 ^ (~h4 & h0);
      hi[y + 4] = h4 ^ (~h0 & h1);
      const l0 = bl[y]!;
      const l1 = bl[y + 1]!;
      const l2 = bl[y + 2]!;
      const l3 = bl[y + 3]!;
      const l4 = bl[y + 4]!;
      lo[y] = l0 ^ (~l1 & l2);
      lo[y + 1] = l1 ^ (~l2 & l3);
      lo[y + 2] = l2 ^ (~l3 & l4);
      lo[y + 3] = l3 ^ (~l4 & l0);
      lo[y + 4] = l4 ^ (~l0 & l1);
    }
    // iota
    hi[0] = hi[0]! ^ RC_HI[round]!;
    lo[0] = lo[0]! ^ RC_LO[round]!;
  }
}

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const block = new Uint8Array(136 * 4);

/** Keccak-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export function keccak256Hex(text: string): string {
  const rate = 136;
  const msg = Buffer.from(text, 'utf8');
  const len = Math.ceil((msg.length + 1) / rate) * rate;
  const padded = len <= block.length ? block.fill(0, 0, len) : new Uint8Array(len);
  padded.set(msg);
  padded[msg.length] = padded[msg.length]! ^ 0x01;
  padded[len - 1] = padded[len - 1]! ^ 0x80;
  hi.fill(0);
  lo.fill(0);
  for (let off = 0; off < len; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      const p = off + i * 8;
      lo[i] = lo[i]! ^ (padded[p]! | (padded[p + 1]! << 8) | (padded[p + 2]! << 16) | (padded[p + 3]! << 24));
      hi[i] = hi[i]! ^ (padded[p + 4]! | (padded[p + 5]! << 8) | (padded[p + 6]! << 16) | (padded[p + 7]! << 24));
    }
    permute();
  }
  let out = '';
  for (let i = 0; i < 4; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    out += HEX2[l & 0xff]! + HEX2[(l >>> 8) & 0xff]! + HEX2[(l >>> 16) & 0xff]! + HEX2[l >>> 24]!;
    out += HEX2[h & 0xff]! + HEX2[(h >>> 8) & 0xff]! + HEX2[(h >>> 16) & 0xff]! + HEX2[h >>> 24]!;
  }
  return out;
}
