/*
 * Keccak-256 (the original Keccak padding 0x01 used by Ethereum, not SHA3-256's 0x06), for
 * EIP-55 address checksums. Ports src/scan/detectors/keccak.ts (keccakLower40, hashNibble).
 *
 * TypeScript keeps each 64-bit lane as two 32-bit halves (hi, lo) because JavaScript has no
 * 64-bit integer; here a lane is one u64 whose low half is TypeScript's `lo` and high half
 * its `hi`, so the state bytes, and every hex digit read back, are the same. The
 * permutation is FIPS 202 §3.2 as a loop over the rotation offsets and pi moves that
 * keccak.ts writes out; the SHA-256 that checksums.ts uses for Base58Check is in
 * checksums.c, beside it as in TypeScript.
 */
#include "dc.h"

typedef unsigned long long u64;

/* Round constants from the LFSR of FIPS 202 §3.2.5 (rc(t) bits at positions 2^j − 1). */
static u64 RC[24];
static bool_t rc_done;
static void round_constants(void) {
  u32 r = 1;
  for (i32 i = 0; i < 24; i++) {
    u64 c = 0;
    for (i32 j = 0; j < 7; j++) {
      r = ((r << 1) ^ ((r >> 7) * 0x71)) & 0xff;
      if (r & 2) c |= (u64)1 << ((1 << j) - 1);
    }
    RC[i] = c;
  }
  rc_done = 1;
}

/* The state: lane x + 5y. */
static u64 A[25];

/* Rotation offsets r[x + 5y] (FIPS 202 §3.2.2: t(t+1)/2 mod 64 along the (x, y) → (y, 2x + 3y) walk). */
static const u32 RHO[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

static inline u64 rotl(u64 x, u32 n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }

/* Keccak-f[1600] over A: 24 rounds of theta, rho, pi, chi and iota. */
static void permute(void) {
  if (!rc_done) round_constants();
  u64 C[5], D[5], B[25];
  for (i32 round = 0; round < 24; round++) {
    /* theta */
    for (i32 x = 0; x < 5; x++) C[x] = A[x] ^ A[x + 5] ^ A[x + 10] ^ A[x + 15] ^ A[x + 20];
    for (i32 x = 0; x < 5; x++) D[x] = C[(x + 4) % 5] ^ rotl(C[(x + 1) % 5], 1);
    /* rho and pi: lane x + 5y moves to y + 5((2x + 3y) mod 5) */
    for (i32 y = 0; y < 5; y++)
      for (i32 x = 0; x < 5; x++) B[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(A[x + 5 * y] ^ D[x], RHO[x + 5 * y]);
    /* chi */
    for (i32 y = 0; y < 25; y += 5)
      for (i32 x = 0; x < 5; x++) A[y + x] = B[y + x] ^ (~B[y + (x + 1) % 5] & B[y + (x + 2) % 5]);
    /* iota */
    A[0] ^= RC[round];
  }
}

/*
 * Keccak-256 of 40 ASCII characters s[at, at + 40) lowercased (`c | 0x20`: digits are
 * unchanged, A–Z become a–z), i.e. of an EIP-55 address body. The hash stays in the state;
 * read its hex digits with hash_nibble. As in TypeScript, each unit is OR-ed into its byte
 * unmasked (the callers pass hex digits).
 */
void keccak_lower40(const u16 *s, i32 at) {
  for (i32 i = 0; i < 25; i++) A[i] = 0;
  for (i32 i = 0; i < 5; i++) {
    i32 p = at + i * 8;
    u32 lo = (s[p] | 32u) | ((s[p + 1] | 32u) << 8) | ((s[p + 2] | 32u) << 16) | ((s[p + 3] | 32u) << 24);
    u32 hi = (s[p + 4] | 32u) | ((s[p + 5] | 32u) << 8) | ((s[p + 6] | 32u) << 16) | ((s[p + 7] | 32u) << 24);
    A[i] = (u64)hi << 32 | lo;
  }
  /* padding of a 40-byte message in one 136-byte block: 0x01 at byte 40, 0x80 at byte 135 */
  A[5] = 0x01;
  A[16] = (u64)0x80000000u << 32;
  permute();
}

/* Hex digit k (0–63) of the hash left by keccak_lower40, as keccak256Hex would print it. */
i32 hash_nibble(i32 k) {
  u32 byte = (u32)k >> 1;
  u32 lane = byte >> 3;
  u32 b = (u32)(A[lane] >> (8 * (byte & 7))) & 0xff;
  return (k & 1) == 0 ? (i32)(b >> 4) : (i32)(b & 15);
}

/* Test export: keccak_lower40 of s[at, at + 40); returns the 64 hex digits (values 0–15) of the hash. */
static u8 test_out[64];
EXPORT(dc_test_keccak_lower40) const u8 *dc_test_keccak_lower40(const u16 *s, i32 at) {
  keccak_lower40(s, at);
  for (i32 k = 0; k < 64; k++) test_out[k] = (u8)hash_nibble(k);
  return test_out;
}
