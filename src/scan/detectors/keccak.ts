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
const hi = new Uint32Array(25);
const lo = new Uint32Array(25);

/**
 * Keccak-f[1600] over the state in `hi` / `lo`: 24 rounds of theta, rho, pi, chi and iota,
 * unrolled over int32 locals: the rotation offsets r[x + 5y] (FIPS 202 §3.2.2, t(t+1)/2 mod
 * 64 along the (x, y) → (y, 2x + 3y) walk) and the pi moves (lane x + 5y to
 * y + 5((2x + 3y) mod 5)) are written out as constants, which costs a quarter of a generic
 * loop over tables of them. Theta is folded into rho-pi. Known-answer tests in
 * checksums.test.ts.
 */
function permute(): void {
  let h0 = hi[0]! | 0;
  let l0 = lo[0]! | 0;
  let h1 = hi[1]! | 0;
  let l1 = lo[1]! | 0;
  let h2 = hi[2]! | 0;
  let l2 = lo[2]! | 0;
  let h3 = hi[3]! | 0;
  let l3 = lo[3]! | 0;
  let h4 = hi[4]! | 0;
  let l4 = lo[4]! | 0;
  let h5 = hi[5]! | 0;
  let l5 = lo[5]! | 0;
  let h6 = hi[6]! | 0;
  let l6 = lo[6]! | 0;
  let h7 = hi[7]! | 0;
  let l7 = lo[7]! | 0;
  let h8 = hi[8]! | 0;
  let l8 = lo[8]! | 0;
  let h9 = hi[9]! | 0;
  let l9 = lo[9]! | 0;
  let h10 = hi[10]! | 0;
  let l10 = lo[10]! | 0;
  let h11 = hi[11]! | 0;
  let l11 = lo[11]! | 0;
  let h12 = hi[12]! | 0;
  let l12 = lo[12]! | 0;
  let h13 = hi[13]! | 0;
  let l13 = lo[13]! | 0;
  let h14 = hi[14]! | 0;
  let l14 = lo[14]! | 0;
  let h15 = hi[15]! | 0;
  let l15 = lo[15]! | 0;
  let h16 = hi[16]! | 0;
  let l16 = lo[16]! | 0;
  let h17 = hi[17]! | 0;
  let l17 = lo[17]! | 0;
  let h18 = hi[18]! | 0;
  let l18 = lo[18]! | 0;
  let h19 = hi[19]! | 0;
  let l19 = lo[19]! | 0;
  let h20 = hi[20]! | 0;
  let l20 = lo[20]! | 0;
  let h21 = hi[21]! | 0;
  let l21 = lo[21]! | 0;
  let h22 = hi[22]! | 0;
  let l22 = lo[22]! | 0;
  let h23 = hi[23]! | 0;
  let l23 = lo[23]! | 0;
  let h24 = hi[24]! | 0;
  let l24 = lo[24]! | 0;
  for (let round = 0; round < 24; round++) {
    const cH0 = h0 ^ h5 ^ h10 ^ h15 ^ h20;
    const cL0 = l0 ^ l5 ^ l10 ^ l15 ^ l20;
    const cH1 = h1 ^ h6 ^ h11 ^ h16 ^ h21;
    const cL1 = l1 ^ l6 ^ l11 ^ l16 ^ l21;
    const cH2 = h2 ^ h7 ^ h12 ^ h17 ^ h22;
    const cL2 = l2 ^ l7 ^ l12 ^ l17 ^ l22;
    const cH3 = h3 ^ h8 ^ h13 ^ h18 ^ h23;
    const cL3 = l3 ^ l8 ^ l13 ^ l18 ^ l23;
    const cH4 = h4 ^ h9 ^ h14 ^ h19 ^ h24;
    const cL4 = l4 ^ l9 ^ l14 ^ l19 ^ l24;
    const dH0 = cH4 ^ ((cH1 << 1) | (cL1 >>> 31));
    const dL0 = cL4 ^ ((cL1 << 1) | (cH1 >>> 31));
    const dH1 = cH0 ^ ((cH2 << 1) | (cL2 >>> 31));
    const dL1 = cL0 ^ ((cL2 << 1) | (cH2 >>> 31));
    const dH2 = cH1 ^ ((cH3 << 1) | (cL3 >>> 31));
    const dL2 = cL1 ^ ((cL3 << 1) | (cH3 >>> 31));
    const dH3 = cH2 ^ ((cH4 << 1) | (cL4 >>> 31));
    const dL3 = cL2 ^ ((cL4 << 1) | (cH4 >>> 31));
    const dH4 = cH3 ^ ((cH0 << 1) | (cL0 >>> 31));
    const dL4 = cL3 ^ ((cL0 << 1) | (cH0 >>> 31));
    const bH0 = h0 ^ dH0;
    const bL0 = l0 ^ dL0;
    const tH1 = h1 ^ dH1;
    const tL1 = l1 ^ dL1;
    const bH10 = (tH1 << 1) | (tL1 >>> 31);
    const bL10 = (tL1 << 1) | (tH1 >>> 31);
    const tH2 = h2 ^ dH2;
    const tL2 = l2 ^ dL2;
    const bH20 = (tL2 << 30) | (tH2 >>> 2);
    const bL20 = (tH2 << 30) | (tL2 >>> 2);
    const tH3 = h3 ^ dH3;
    const tL3 = l3 ^ dL3;
    const bH5 = (tH3 << 28) | (tL3 >>> 4);
    const bL5 = (tL3 << 28) | (tH3 >>> 4);
    const tH4 = h4 ^ dH4;
    const tL4 = l4 ^ dL4;
    const bH15 = (tH4 << 27) | (tL4 >>> 5);
    const bL15 = (tL4 << 27) | (tH4 >>> 5);
    const tH5 = h5 ^ dH0;
    const tL5 = l5 ^ dL0;
    const bH16 = (tL5 << 4) | (tH5 >>> 28);
    const bL16 = (tH5 << 4) | (tL5 >>> 28);
    const tH6 = h6 ^ dH1;
    const tL6 = l6 ^ dL1;
    const bH1 = (tL6 << 12) | (tH6 >>> 20);
    const bL1 = (tH6 << 12) | (tL6 >>> 20);
    const tH7 = h7 ^ dH2;
    const tL7 = l7 ^ dL2;
    const bH11 = (tH7 << 6) | (tL7 >>> 26);
    const bL11 = (tL7 << 6) | (tH7 >>> 26);
    const tH8 = h8 ^ dH3;
    const tL8 = l8 ^ dL3;
    const bH21 = (tL8 << 23) | (tH8 >>> 9);
    const bL21 = (tH8 << 23) | (tL8 >>> 9);
    const tH9 = h9 ^ dH4;
    const tL9 = l9 ^ dL4;
    const bH6 = (tH9 << 20) | (tL9 >>> 12);
    const bL6 = (tL9 << 20) | (tH9 >>> 12);
    const tH10 = h10 ^ dH0;
    const tL10 = l10 ^ dL0;
    const bH7 = (tH10 << 3) | (tL10 >>> 29);
    const bL7 = (tL10 << 3) | (tH10 >>> 29);
    const tH11 = h11 ^ dH1;
    const tL11 = l11 ^ dL1;
    const bH17 = (tH11 << 10) | (tL11 >>> 22);
    const bL17 = (tL11 << 10) | (tH11 >>> 22);
    const tH12 = h12 ^ dH2;
    const tL12 = l12 ^ dL2;
    const bH2 = (tL12 << 11) | (tH12 >>> 21);
    const bL2 = (tH12 << 11) | (tL12 >>> 21);
    const tH13 = h13 ^ dH3;
    const tL13 = l13 ^ dL3;
    const bH12 = (tH13 << 25) | (tL13 >>> 7);
    const bL12 = (tL13 << 25) | (tH13 >>> 7);
    const tH14 = h14 ^ dH4;
    const tL14 = l14 ^ dL4;
    const bH22 = (tL14 << 7) | (tH14 >>> 25);
    const bL22 = (tH14 << 7) | (tL14 >>> 25);
    const tH15 = h15 ^ dH0;
    const tL15 = l15 ^ dL0;
    const bH23 = (tL15 << 9) | (tH15 >>> 23);
    const bL23 = (tH15 << 9) | (tL15 >>> 23);
    const tH16 = h16 ^ dH1;
    const tL16 = l16 ^ dL1;
    const bH8 = (tL16 << 13) | (tH16 >>> 19);
    const bL8 = (tH16 << 13) | (tL16 >>> 19);
    const tH17 = h17 ^ dH2;
    const tL17 = l17 ^ dL2;
    const bH18 = (tH17 << 15) | (tL17 >>> 17);
    const bL18 = (tL17 << 15) | (tH17 >>> 17);
    const tH18 = h18 ^ dH3;
    const tL18 = l18 ^ dL3;
    const bH3 = (tH18 << 21) | (tL18 >>> 11);
    const bL3 = (tL18 << 21) | (tH18 >>> 11);
    const tH19 = h19 ^ dH4;
    const tL19 = l19 ^ dL4;
    const bH13 = (tH19 << 8) | (tL19 >>> 24);
    const bL13 = (tL19 << 8) | (tH19 >>> 24);
    const tH20 = h20 ^ dH0;
    const tL20 = l20 ^ dL0;
    const bH14 = (tH20 << 18) | (tL20 >>> 14);
    const bL14 = (tL20 << 18) | (tH20 >>> 14);
    const tH21 = h21 ^ dH1;
    const tL21 = l21 ^ dL1;
    const bH24 = (tH21 << 2) | (tL21 >>> 30);
    const bL24 = (tL21 << 2) | (tH21 >>> 30);
    const tH22 = h22 ^ dH2;
    const tL22 = l22 ^ dL2;
    const bH9 = (tL22 << 29) | (tH22 >>> 3);
    const bL9 = (tH22 << 29) | (tL22 >>> 3);
    const tH23 = h23 ^ dH3;
    const tL23 = l23 ^ dL3;
    const bH19 = (tL23 << 24) | (tH23 >>> 8);
    const bL19 = (tH23 << 24) | (tL23 >>> 8);
    const tH24 = h24 ^ dH4;
    const tL24 = l24 ^ dL4;
    const bH4 = (tH24 << 14) | (tL24 >>> 18);
    const bL4 = (tL24 << 14) | (tH24 >>> 18);
    h0 = bH0 ^ (~bH1 & bH2);
    l0 = bL0 ^ (~bL1 & bL2);
    h1 = bH1 ^ (~bH2 & bH3);
    l1 = bL1 ^ (~bL2 & bL3);
    h2 = bH2 ^ (~bH3 & bH4);
    l2 = bL2 ^ (~bL3 & bL4);
    h3 = bH3 ^ (~bH4 & bH0);
    l3 = bL3 ^ (~bL4 & bL0);
    h4 = bH4 ^ (~bH0 & bH1);
    l4 = bL4 ^ (~bL0 & bL1);
    h5 = bH5 ^ (~bH6 & bH7);
    l5 = bL5 ^ (~bL6 & bL7);
    h6 = bH6 ^ (~bH7 & bH8);
    l6 = bL6 ^ (~bL7 & bL8);
    h7 = bH7 ^ (~bH8 & bH9);
    l7 = bL7 ^ (~bL8 & bL9);
    h8 = bH8 ^ (~bH9 & bH5);
    l8 = bL8 ^ (~bL9 & bL5);
    h9 = bH9 ^ (~bH5 & bH6);
    l9 = bL9 ^ (~bL5 & bL6);
    h10 = bH10 ^ (~bH11 & bH12);
    l10 = bL10 ^ (~bL11 & bL12);
    h11 = bH11 ^ (~bH12 & bH13);
    l11 = bL11 ^ (~bL12 & bL13);
    h12 = bH12 ^ (~bH13 & bH14);
    l12 = bL12 ^ (~bL13 & bL14);
    h13 = bH13 ^ (~bH14 & bH10);
    l13 = bL13 ^ (~bL14 & bL10);
    h14 = bH14 ^ (~bH10 & bH11);
    l14 = bL14 ^ (~bL10 & bL11);
    h15 = bH15 ^ (~bH16 & bH17);
    l15 = bL15 ^ (~bL16 & bL17);
    h16 = bH16 ^ (~bH17 & bH18);
    l16 = bL16 ^ (~bL17 & bL18);
    h17 = bH17 ^ (~bH18 & bH19);
    l17 = bL17 ^ (~bL18 & bL19);
    h18 = bH18 ^ (~bH19 & bH15);
    l18 = bL18 ^ (~bL19 & bL15);
    h19 = bH19 ^ (~bH15 & bH16);
    l19 = bL19 ^ (~bL15 & bL16);
    h20 = bH20 ^ (~bH21 & bH22);
    l20 = bL20 ^ (~bL21 & bL22);
    h21 = bH21 ^ (~bH22 & bH23);
    l21 = bL21 ^ (~bL22 & bL23);
    h22 = bH22 ^ (~bH23 & bH24);
    l22 = bL22 ^ (~bL23 & bL24);
    h23 = bH23 ^ (~bH24 & bH20);
    l23 = bL23 ^ (~bL24 & bL20);
    h24 = bH24 ^ (~bH20 & bH21);
    l24 = bL24 ^ (~bL20 & bL21);
    h0 ^= RC_HI[round]!;
    l0 ^= RC_LO[round]!;
  }
  hi[0] = h0;
  lo[0] = l0;
  hi[1] = h1;
  lo[1] = l1;
  hi[2] = h2;
  lo[2] = l2;
  hi[3] = h3;
  lo[3] = l3;
  hi[4] = h4;
  lo[4] = l4;
  hi[5] = h5;
  lo[5] = l5;
  hi[6] = h6;
  lo[6] = l6;
  hi[7] = h7;
  lo[7] = l7;
  hi[8] = h8;
  lo[8] = l8;
  hi[9] = h9;
  lo[9] = l9;
  hi[10] = h10;
  lo[10] = l10;
  hi[11] = h11;
  lo[11] = l11;
  hi[12] = h12;
  lo[12] = l12;
  hi[13] = h13;
  lo[13] = l13;
  hi[14] = h14;
  lo[14] = l14;
  hi[15] = h15;
  lo[15] = l15;
  hi[16] = h16;
  lo[16] = l16;
  hi[17] = h17;
  lo[17] = l17;
  hi[18] = h18;
  lo[18] = l18;
  hi[19] = h19;
  lo[19] = l19;
  hi[20] = h20;
  lo[20] = l20;
  hi[21] = h21;
  lo[21] = l21;
  hi[22] = h22;
  lo[22] = l22;
  hi[23] = h23;
  lo[23] = l23;
  hi[24] = h24;
  lo[24] = l24;
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

/**
 * Keccak-256 of 40 ASCII characters s[at, at + 40) lowercased (`c | 0x20`: digits are
 * unchanged, A–Z become a–z), i.e. of an EIP-55 address body, with no string or buffer made.
 * The hash stays in the state; read its hex digits with {@link hashNibble}.
 */
export function keccakLower40(s: string, at: number): void {
  hi.fill(0);
  lo.fill(0);
  for (let i = 0; i < 5; i++) {
    const p = at + i * 8;
    lo[i] = (s.charCodeAt(p) | 32) | ((s.charCodeAt(p + 1) | 32) << 8) | ((s.charCodeAt(p + 2) | 32) << 16) | ((s.charCodeAt(p + 3) | 32) << 24);
    hi[i] = (s.charCodeAt(p + 4) | 32) | ((s.charCodeAt(p + 5) | 32) << 8) | ((s.charCodeAt(p + 6) | 32) << 16) | ((s.charCodeAt(p + 7) | 32) << 24);
  }
  // padding of a 40-byte message in one 136-byte block: 0x01 at byte 40, 0x80 at byte 135
  lo[5] = 0x01;
  hi[16] = 0x80000000;
  permute();
}

/** Hex digit k (0–63) of the hash left by {@link keccakLower40}, as keccak256Hex would print it. */
export function hashNibble(k: number): number {
  const byte = k >>> 1;
  const lane = byte >>> 3;
  const sh = (byte & 3) * 8;
  const w = (byte & 4) === 0 ? lo[lane]! : hi[lane]!;
  const b = (w >>> sh) & 0xff;
  return (k & 1) === 0 ? b >>> 4 : b & 15;
}
