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

function permute(): void {
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 5; x++) {
      ch[x] = hi[x]! ^ hi[x + 5]! ^ hi[x + 10]! ^ hi[x + 15]! ^ hi[x + 20]!;
      cl[x] = lo[x]! ^ lo[x + 5]! ^ lo[x + 10]! ^ lo[x + 15]! ^ lo[x + 20]!;
    }
    for (let x = 0; x < 5; x++) {
      const h1 = ch[(x + 1) % 5]!;
      const l1 = cl[(x + 1) % 5]!;
      // rotl 1 of (h1, l1)
      const dh = ch[(x + 4) % 5]! ^ ((h1 << 1) | (l1 >>> 31));
      const dl = cl[(x + 4) % 5]! ^ ((l1 << 1) | (h1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        hi[x + y] = hi[x + y]! ^ dh;
        lo[x + y] = lo[x + y]! ^ dl;
      }
    }
    // rho and pi
    for (let i = 0; i < 25; i++) {
      const n = ROT[i]!;
      const h = hi[i]!;
      const l = lo[i]!;
      let rh: number;
      let rl: number;
      if (n === 0) {
        rh = h;
        rl = l;
      } else if (n < 32) {
        rh = (h << n) | (l >>> (32 - n));
        rl = (l << n) | (h >>> (32 - n));
      } else if (n === 32) {
        rh = l;
        rl = h;
      } else {
        const m = n - 32;
        rh = (l << m) | (h >>> (32 - m));
        rl = (h << m) | (l >>> (32 - m));
      }
      bh[PI[i]!] = rh;
      bl[PI[i]!] = rl;
    }
    // chi
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        hi[x + y] = bh[x + y]! ^ (~bh[((x + 1) % 5) + y]! & bh[((x + 2) % 5) + y]!);
        lo[x + y] = bl[x + y]! ^ (~bl[((x + 1) % 5) + y]! & bl[((x + 2) % 5) + y]!);
      }
    }
    // iota
    hi[0] = hi[0]! ^ RC_HI[round]!;
    lo[0] = lo[0]! ^ RC_LO[round]!;
  }
}

/** Keccak-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export function keccak256Hex(text: string): string {
  const rate = 136;
  const msg = Buffer.from(text, 'utf8');
  const padded = new Uint8Array(Math.ceil((msg.length + 1) / rate) * rate);
  padded.set(msg);
  padded[msg.length] = padded[msg.length]! ^ 0x01;
  padded[padded.length - 1] = padded[padded.length - 1]! ^ 0x80;
  hi.fill(0);
  lo.fill(0);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      const p = off + i * 8;
      lo[i] = lo[i]! ^ (padded[p]! | (padded[p + 1]! << 8) | (padded[p + 2]! << 16) | (padded[p + 3]! << 24));
      hi[i] = hi[i]! ^ (padded[p + 4]! | (padded[p + 5]! << 8) | (padded[p + 6]! << 16) | (padded[p + 7]! << 24));
    }
    permute();
  }
  let out = '';
  for (let i = 0; i < 4; i++) {
    for (const w of [lo[i]!, hi[i]!]) for (let k = 0; k < 4; k++) out += ((w >>> (8 * k)) & 0xff).toString(16).padStart(2, '0');
  }
  return out;
}
