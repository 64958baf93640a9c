/*
 * Check-digit algorithms, all over a range [from, to) of the text so the hot path never
 * copies. Ports src/scan/detectors/checksums.ts function by function (the reference;
 * vectors in checksums.test.ts, parity with the TypeScript functions in
 * src/scan/wasm/checksums.parity.test.ts).
 *
 * Reads outside the value see 0 here where TypeScript sees NaN: every function below is
 * called on a range the caller has already measured (18 characters for a USCC, 10 for a
 * Taiwan ID …), as in engine.ts, so no read leaves the value.
 */
#include "dc.h"

#define D0 48

/*
 * Luhn digit values: d for digits in odd places from the right (index d), the digit sum
 * of 2d in even places (index 10 + d).
 */
static const i8 LUHN[20] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 4, 6, 8, 1, 3, 5, 7, 9};

/* Luhn (ISO/IEC 7812-1) over the digits in [from, to); non-digits are skipped. */
bool_t luhn_valid(const u16 *s, i32 from, i32 to) {
  i32 sum = 0;
  i32 n = 0;
  for (i32 i = to - 1; i >= from; i--) {
    i32 d = (i32)s[i] - D0;
    if (d < 0 || d > 9) continue;
    sum += LUHN[(n & 1) * 10 + d];
    n++;
  }
  return n > 0 && sum % 10 == 0;
}

/* luhn_valid over n digit values d[0, n) (the digits a caller already loaded). */
bool_t luhn_digits(const i8 *d, i32 n) {
  i32 sum = 0;
  for (i32 i = n - 1, k = 0; i >= 0; i--, k++) sum += LUHN[(k & 1) * 10 + d[i]];
  return n > 0 && sum % 10 == 0;
}

static const i32 ID_WEIGHTS[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
static const char ID_CHECK[] = "10X98765432";

/*
 * checksums.ts cnIdCheckChar as a code unit: the GB 11643 check character (ISO 7064
 * MOD 11-2) for 17 digits at `from`. TypeScript indexes ID_CHECK with a negative remainder
 * (non-digits) and throws; callers pass digits only. Here that case is 0, which is no
 * check character.
 */
u32 cn_id_check_unit(const u16 *s, i32 from) {
  i32 sum = 0;
  for (i32 k = 0; k < 17; k++) sum += ((i32)s[from + k] - D0) * ID_WEIGHTS[k];
  i32 r = sum % 11;
  return r < 0 ? 0 : (u32)(u8)ID_CHECK[r];
}

static const char USCC_ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static i8 USCC_VALUE[128];
static const i32 USCC_WEIGHTS[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
static const i32 ORG_WEIGHTS[8] = {3, 7, 9, 10, 5, 8, 4, 2};

/* Registration authority codes (position 1): 1–9, A–G, N, Y. */
static u8 USCC_AUTHORITY[128];

static const char B58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
static i8 B58_VALUE[128];

static const char BECH32[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
static i8 BECH32_VALUE[128];

/* The module-level tables of checksums.ts, built on first use (no start-up hook here). */
static bool_t tables_done;
static void tables(void) {
  if (tables_done) return;
  tables_done = 1;
  for (i32 c = 0; c < 128; c++) USCC_VALUE[c] = B58_VALUE[c] = BECH32_VALUE[c] = -1;
  for (i32 i = 0; USCC_ALPHABET[i]; i++) USCC_VALUE[(u8)USCC_ALPHABET[i]] = (i8)i;
  for (const char *c = "123456789ABCDEFGNY"; *c; c++) USCC_AUTHORITY[(u8)*c] = 1;
  for (i32 i = 0; B58[i]; i++) B58_VALUE[(u8)B58[i]] = (i8)i;
  for (i32 i = 0; BECH32[i]; i++) BECH32_VALUE[(u8)BECH32[i]] = (i8)i;
}

/*
 * GB 32100-2015: a registration authority code in position 1, the 18th check character
 * (mod 31) and the GB 11714 org-code check (pos 17).
 */
bool_t uscc_valid(const u16 *s, i32 from) {
  tables();
  u32 c0 = s[from];
  if (c0 >= 128 || USCC_AUTHORITY[c0] == 0) return 0;
  i32 sum = 0;
  for (i32 k = 0; k < 17; k++) {
    u32 c = s[from + k];
    i32 v = c < 128 ? USCC_VALUE[c] : -1;
    if (v < 0) return 0;
    sum += v * USCC_WEIGHTS[k];
  }
  u32 last = s[from + 17];
  if (last >= 128 || USCC_VALUE[last] != (31 - (sum % 31)) % 31) return 0;
  /* GB 11714 organisation code: positions 9–16 (8 chars) with check at 17. */
  i32 osum = 0;
  for (i32 k = 0; k < 8; k++) {
    u32 c = s[from + 8 + k];
    i32 v;
    if (c >= 48 && c <= 57) v = (i32)c - 48;
    else if (c >= 65 && c <= 90) v = (i32)c - 55; /* A=10 … Z=35 */
    else return 0;
    osum += v * ORG_WEIGHTS[k];
  }
  i32 r = 11 - (osum % 11);
  u32 want = r == 10 ? 88 /* X */ : r == 11 ? 48 : 48 + (u32)r;
  return s[from + 16] == want;
}

/*
 * HKID: `letters` (1 or 2 uppercase) at `from`, then 6 digits, then the check character
 * (0–9 or A) at `check_at`. Weights 9..2; a single letter is padded with a space worth 36.
 */
bool_t hkid_valid(const u16 *s, i32 from, i32 letters, i32 check_at) {
  i32 sum = 0;
  i32 p = from;
  if (letters == 1) sum += 36 * 9;
  for (i32 k = letters == 1 ? 1 : 0; k < 2; k++) {
    i32 c = s[p++];
    if (c < 65 || c > 90) return 0;
    sum += (c - 55) * (9 - k);
  }
  for (i32 k = 0; k < 6; k++) {
    i32 d = (i32)s[p++] - D0;
    if (d < 0 || d > 9) return 0;
    sum += d * (7 - k);
  }
  i32 r = (11 - (sum % 11)) % 11;
  u32 c = s[check_at];
  return r == 10 ? c == 65 : c == (u32)(D0 + r);
}

static const i32 TW_LETTER[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};

/*
 * Taiwan national ID / resident certificate (10 chars at `from`): `[A-Z][12 89 A-D]` + 8 digits,
 * weights 1 9 8 7 6 5 4 3 2 1 1, sum ≡ 0 mod 10.
 */
bool_t tw_id_valid(const u16 *s, i32 from) {
  i32 c0 = s[from];
  if (c0 < 65 || c0 > 90) return 0;
  i32 code = TW_LETTER[c0 - 65];
  i32 sum = code / 10 + (code % 10) * 9;
  i32 c1 = s[from + 1];
  i32 d1;
  /* second character: 1/2 citizens, 8/9 new resident certificates, A–D old ones */
  if (c1 == 49 || c1 == 50 || c1 == 56 || c1 == 57) d1 = c1 - D0;
  else if (c1 >= 65 && c1 <= 68) d1 = TW_LETTER[c1 - 65] % 10; /* old resident certificates A–D */
  else return 0;
  sum += d1 * 8;
  for (i32 k = 2; k < 10; k++) {
    i32 d = (i32)s[from + k] - D0;
    if (d < 0 || d > 9) return 0;
    sum += d * (k == 9 ? 1 : 9 - k);
  }
  return sum % 10 == 0;
}

/* ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10, over 9 digits at `from`. */
bool_t aba_valid(const u16 *s, i32 from) {
  i32 sum = 0;
  static const i32 w[3] = {3, 7, 1};
  for (i32 k = 0; k < 9; k++) sum += ((i32)s[from + k] - D0) * w[k % 3];
  return sum % 10 == 0;
}

/*
 * IBAN mod 97 (ISO 13616) over the alphanumerics in [from, to), separators skipped:
 * the first four characters move to the end, letters count A=10 … Z=35.
 */
bool_t iban_mod97_valid(const u16 *s, i32 from, i32 to) {
  /* first pass: everything after the first four alphanumerics; second: those four */
  i32 rem = 0;
  i32 seen = 0;
  i32 head_end = from;
  for (i32 pass = 0; pass < 2; pass++) {
    i32 b = pass == 0 ? to : head_end;
    seen = 0;
    for (i32 i = from; i < b; i++) {
      i32 c = s[i];
      if (c == 32 || c == 45) continue;
      seen++;
      if (pass == 0 && seen <= 4) {
        head_end = i + 1;
        continue;
      }
      if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
      else {
        i32 u = c >= 97 && c <= 122 ? c - 32 : c;
        if (u < 65 || u > 90) return 0;
        rem = (rem * 100 + (u - 55)) % 97;
      }
    }
  }
  return rem == 1;
}

bool_t is_base58_char(u32 c) {
  tables();
  return c < 128 && B58_VALUE[c] >= 0;
}

/* --- SHA-256 (FIPS 180-4) of one padded 64-byte block, for Base58Check -------------------
 * The message here is at most 32 bytes, so every hash is one block. */
static const u32 K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
static const u32 H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
/* Message schedule; the caller fills W[0..15] with the padded block (big-endian words). */
static u32 W[64];
/* The digest of the last block, as big-endian words. */
static u32 SH[8]; /* checksums.ts H (H is the hit list here) */

static inline u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }

/* SH = SHA-256 compression of the block in W[0..15] from the initial hash value. */
static void sha256_block(void) {
  for (i32 t = 16; t < 64; t++) {
    u32 x = W[t - 15];
    u32 y = W[t - 2];
    u32 s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3);
    u32 s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10);
    W[t] = W[t - 16] + s0 + W[t - 7] + s1;
  }
  u32 a = H0[0], b = H0[1], c = H0[2], d = H0[3], e = H0[4], f = H0[5], g = H0[6], h = H0[7];
  for (i32 t = 0; t < 64; t++) {
    u32 S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    u32 ch = (e & f) ^ (~e & g);
    u32 t1 = h + S1 + ch + K256[t] + W[t];
    u32 S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    u32 maj = (a & b) ^ (a & c) ^ (b & c);
    u32 t2 = S0 + maj;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  SH[0] = H0[0] + a;
  SH[1] = H0[1] + b;
  SH[2] = H0[2] + c;
  SH[3] = H0[3] + d;
  SH[4] = H0[4] + e;
  SH[5] = H0[5] + f;
  SH[6] = H0[6] + g;
  SH[7] = H0[7] + h;
}

/* Base58 decode scratch: little-endian bytes while decoding (a valid address has 25). */
static u8 b58[26];

/* The version byte of a 25-byte Base58Check string (0x00 P2PKH, 0x05 P2SH on Bitcoin), or -1 when it is not one. */
i32 base58_check_version(const u16 *s, i32 from, i32 to) {
  tables();
  /* little-endian base-256 digits of the number (the bytes only grow: past 25, fail at once) */
  i32 n = 0;
  for (i32 i = from; i < to; i++) {
    u32 c = s[i];
    i32 carry = c < 128 ? B58_VALUE[c] : -1;
    if (carry < 0) return -1;
    for (i32 k = 0; k < n; k++) {
      carry += b58[k] * 58;
      b58[k] = (u8)(carry & 0xff);
      carry >>= 8;
    }
    while (carry > 0) {
      if (n == 25) return -1;
      b58[n++] = (u8)(carry & 0xff);
      carry >>= 8;
    }
  }
  /* each leading '1' is a leading zero byte */
  for (i32 i = from; i < to && s[i] == 49; i++) {
    if (n == 25) return -1;
    b58[n++] = 0;
  }
  if (n != 25) return -1;
  /* big-endian byte j is b58[24 − j]: payload = bytes 0–20, checksum = bytes 21–24 */
  for (i32 k = 0; k < 16; k++) W[k] = 0;
  for (i32 j = 0; j < 21; j++) W[j >> 2] |= (u32)b58[24 - j] << (24 - 8 * (j & 3));
  W[5] |= 0x80u << 16; /* padding after 21 bytes */
  W[15] = 21 * 8;
  sha256_block();
  /* second SHA-256 over the 32-byte digest */
  for (i32 k = 0; k < 8; k++) W[k] = SH[k];
  W[8] = 0x80000000u;
  for (i32 k = 9; k < 16; k++) W[k] = 0;
  W[15] = 32 * 8;
  sha256_block();
  u32 want = (u32)b58[3] << 24 | (u32)b58[2] << 16 | (u32)b58[1] << 8 | b58[0];
  return SH[0] == want ? b58[24] : -1;
}

/* Base58Check (Bitcoin P2PKH/P2SH): decodes to 25 bytes whose last 4 are double-SHA-256 of the rest. */
bool_t base58_check_valid(const u16 *s, i32 from, i32 to) { return base58_check_version(s, from, to) >= 0; }

static const u32 G[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

/* One step of BIP-173 polymod (TypeScript collects the values in an array first). */
static inline u32 polymod_step(u32 chk, u32 v) {
  u32 b = chk >> 25;
  chk = ((chk & 0x1ffffff) << 5) ^ v;
  for (u32 i = 0; i < 5; i++)
    if ((b >> i) & 1) chk ^= G[i];
  return chk;
}

static inline u32 ascii_lower(u32 c) { return c >= 65 && c <= 90 ? c | 32 : c; }

/*
 * BIP-173/BIP-350 segwit address: all lower or all upper case (mixed case is invalid), witness
 * version 0–16, and the checksum its version calls for: bech32 for version 0, bech32m for 1–16.
 * TypeScript lowers and uppers with String#toLowerCase/toUpperCase; engine.ts calls it on an
 * ASCII alphanumeric token only, where those are the ASCII mappings used here.
 */
bool_t bech32_valid(const u16 *s, i32 from, i32 to) {
  tables();
  /* raw = s.slice(from, to); str = raw.toLowerCase(): reject when raw has upper and lower case */
  bool_t has_upper = 0, has_lower = 0;
  for (i32 i = from; i < to; i++) {
    u32 c = s[i];
    if (c >= 65 && c <= 90) has_upper = 1;
    else if (c >= 97 && c <= 122) has_lower = 1;
  }
  if (has_upper && has_lower) return 0;
  i32 sep = -1; /* str.lastIndexOf('1'), relative to from */
  for (i32 i = to - 1; i >= from; i--)
    if (s[i] == 49) {
      sep = i - from;
      break;
    }
  if (sep < 1 || to - from - sep - 1 < 6) return 0;
  i32 hrp = from + sep; /* the hrp is s[from, hrp) */
  u32 chk = 1;
  for (i32 i = from; i < hrp; i++) chk = polymod_step(chk, ascii_lower(s[i]) >> 5);
  chk = polymod_step(chk, 0);
  for (i32 i = from; i < hrp; i++) chk = polymod_step(chk, ascii_lower(s[i]) & 31);
  for (i32 i = hrp + 1; i < to; i++) {
    u32 c = ascii_lower(s[i]);
    i32 v = c < 128 ? BECH32_VALUE[c] : -1;
    if (v < 0) return 0;
    chk = polymod_step(chk, (u32)v);
  }
  i32 version = BECH32_VALUE[ascii_lower(s[hrp + 1])];
  if (version > 16) return 0;
  return chk == (version == 0 ? 1u : 0x2bc830a3u);
}

/*
 * EIP-55 mixed-case checksum for a `0x` + 40-hex address at `from` (pointing at `0`).
 * Returns 2 ('checksum') when mixed case validates, 1 ('plain') for all-lower or all-upper
 * (no checksum to check), 0 (false) when mixed case fails.
 */
i32 eip55(const u16 *s, i32 from) {
  i32 a = from + 2;
  /* no capital letter (all lower) or no small letter (all upper): nothing to check */
  bool_t upper = 0;
  bool_t lower = 0;
  for (i32 i = a; i < a + 40; i++) {
    u32 c = s[i];
    if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 97 && c <= 122) lower = 1;
  }
  if (!upper || !lower) return 1;
  keccak_lower40(s, a);
  for (i32 i = 0; i < 40; i++) {
    u32 c = s[a + i];
    if (c >= 48 && c <= 57) continue;
    if ((hash_nibble(i) >= 8) != (c >= 65 && c <= 70)) return 0;
  }
  return 2;
}

/* --- test exports: the functions above, for src/scan/wasm/checksums.parity.test.ts -------- */
EXPORT(dc_test_luhn_valid) bool_t dc_test_luhn_valid(const u16 *s, i32 from, i32 to) { return luhn_valid(s, from, to); }
EXPORT(dc_test_luhn_digits) bool_t dc_test_luhn_digits(const i8 *d, i32 n) { return luhn_digits(d, n); }
EXPORT(dc_test_cn_id_check_unit) u32 dc_test_cn_id_check_unit(const u16 *s, i32 from) { return cn_id_check_unit(s, from); }
EXPORT(dc_test_uscc_valid) bool_t dc_test_uscc_valid(const u16 *s, i32 from) { return uscc_valid(s, from); }
EXPORT(dc_test_hkid_valid) bool_t dc_test_hkid_valid(const u16 *s, i32 from, i32 letters, i32 check_at) { return hkid_valid(s, from, letters, check_at); }
EXPORT(dc_test_tw_id_valid) bool_t dc_test_tw_id_valid(const u16 *s, i32 from) { return tw_id_valid(s, from); }
EXPORT(dc_test_aba_valid) bool_t dc_test_aba_valid(const u16 *s, i32 from) { return aba_valid(s, from); }
EXPORT(dc_test_iban_mod97_valid) bool_t dc_test_iban_mod97_valid(const u16 *s, i32 from, i32 to) { return iban_mod97_valid(s, from, to); }
EXPORT(dc_test_is_base58_char) bool_t dc_test_is_base58_char(u32 c) { return is_base58_char(c); }
EXPORT(dc_test_base58_check_version) i32 dc_test_base58_check_version(const u16 *s, i32 from, i32 to) { return base58_check_version(s, from, to); }
EXPORT(dc_test_base58_check_valid) bool_t dc_test_base58_check_valid(const u16 *s, i32 from, i32 to) { return base58_check_valid(s, from, to); }
EXPORT(dc_test_bech32_valid) bool_t dc_test_bech32_valid(const u16 *s, i32 from, i32 to) { return bech32_valid(s, from, to); }
EXPORT(dc_test_eip55) i32 dc_test_eip55(const u16 *s, i32 from) { return eip55(s, from); }

/* A text buffer for the test exports: room for n ≤ 1024 units with PAD zero units before
 * and after, as the engine's input has (the test writes s[0, n) at the returned address). */
static u16 test_text[PAD + 1024 + PAD];
EXPORT(dc_test_text) u16 *dc_test_text(i32 n) {
  if (n < 0 || n > 1024) return 0;
  for (i32 k = 0; k < PAD + 1024 + PAD; k++) test_text[k] = 0;
  return test_text + PAD;
}
