/**
 * Keccak-256 (the original Keccak padding 0x01 used by Ethereum, not SHA3-256's 0x06), for
 * EIP-55 address checksums. Only run on candidate addresses, so BigInt lanes are fast enough.
 */
const MASK = (1n << 64n) - 1n;
const RC: bigint[] = [];
{
  // Round constants from the LFSR of FIPS 202 §3.2.5.
  let r = 1;
  for (let i = 0; i < 24; i++) {
    let c = 0n;
    for (let j = 0; j < 7; j++) {
      r = ((r << 1) ^ ((r >> 7) * 0x71)) % 256;
      if (r & 2) c ^= 1n << ((1n << BigInt(j)) - 1n);
    }
    RC.push(c);
  }
}
// Rotation offsets r[x][y] and the pi permutation, FIPS 202 §3.2.2–3.2.3.
const ROT: number[] = new Array<number>(25).fill(0);
{
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    ROT[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
}
const rotl = (v: bigint, n: number): bigint => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK);

function permute(a: bigint[]): void {
  const c = new Array<bigint>(5);
  const b = new Array<bigint>(25);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) c[x] = a[x]! ^ a[x + 5]! ^ a[x + 10]! ^ a[x + 15]! ^ a[x + 20]!;
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5]! ^ rotl(c[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) a[x + y] = a[x + y]! ^ d;
    }
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y]!, ROT[x + 5 * y]!);
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y;
        a[i] = b[i]! ^ (~b[((x + 1) % 5) + 5 * y]! & MASK & b[((x + 2) % 5) + 5 * y]!);
      }
    a[0] = a[0]! ^ RC[round]!;
  }
}

/** Keccak-256 of an ASCII/UTF-8 string, as 64 lowercase hex digits. */
export function keccak256Hex(text: string): string {
  const rate = 136;
  const msg = Buffer.from(text, 'utf8');
  const padded = new Uint8Array(Math.ceil((msg.length + 1) / rate) * rate);
  padded.set(msg);
  padded[msg.length] = (padded[msg.length] ?? 0) ^ 0x01;
  padded[padded.length - 1] = (padded[padded.length - 1] ?? 0) ^ 0x80;
  const a = new Array<bigint>(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let k = 7; k >= 0; k--) lane = (lane << 8n) | BigInt(padded[off + i * 8 + k]!);
      a[i] = a[i]! ^ lane;
    }
    permute(a);
  }
  let out = '';
  for (let i = 0; i < 4; i++) {
    let lane = a[i]!;
    for (let k = 0; k < 8; k++) {
      out += Number(lane & 0xffn).toString(16).padStart(2, '0');
      lane >>= 8n;
    }
  }
  return out;
}
