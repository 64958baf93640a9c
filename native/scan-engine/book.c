/*
 * Bookkeeping of the records csv.c reads, in the module: what src/scan/core/scanner.ts does per
 * hit (`hit`, `offerSubject`) and per record (`endRecord`: the subject keys) once the scan keeps
 * no more findings. The scanner turns it on then (findings are the only thing that needs a
 * hit's record id or masked text); it hands over its counts and confidence sums per field,
 * this file adds to them hit by hit in the same order (so the sums are the same numbers), and
 * the scanner takes them back when the reader ends or hands over to csv.ts.
 *
 * Per record, the strongest subject identifier per jurisdiction is written as its subject key
 * (subject-key.ts KeyUnits.write, ported here as key_write) for the scanner to hash; the
 * scanner-parity tests hold the two bookkeepers to the same result.
 */
#include "dc.h"

/* Per type, from TypeScript at start-up (dc_book_type, dc_book_prefix): subject-key priority (-1: not a
 * subject key), the type's own jurisdiction (packed as dc.h says, 0: none), how its key is
 * normalized, and its key prefix (SUBJECT_PREFIX, ASCII). */
typedef struct {
  i8 prio[NT];
  u8 kind[NT];
  u16 jur[NT];
  u8 prefix_len[NT];
  u8 prefix[NT][32];
} BookTables;
static BookTables T;

EXPORT(dc_book_type) void dc_book_type(i32 ti, i32 prio, i32 kind, i32 jur) {
  T.prio[ti] = (i8)prio;
  T.kind[ti] = (u8)kind;
  T.jur[ti] = (u16)jur;
}

EXPORT(dc_book_prefix) void dc_book_prefix(i32 ti, i32 k, i32 unit) {
  T.prefix[ti][k] = (u8)unit;
  if (k + 1 > T.prefix_len[ti]) T.prefix_len[ti] = (u8)(k + 1);
}

/* subject-key.ts K_* */
#define K_ALNUM 0
#define K_RESIDENT 1
#define K_CN_MOBILE 2
#define K_PHONE 3

#define MAX_OFFERS 256 /* jurisdictions offered in one record (there are fewer regions) */
#define KEY_EXTRA 40    /* a key is at most its prefix, "+86" and 3 more units longer than its identifier */

/* Every member is 4 bytes: the loader reads them as i32 words. */
typedef struct {
  i32 on, subjects, ncols, n_keys;
  i32 cap_cols, cap_keys, key_units_cap, key_units_n;
  i32 *counts; /* ncols * NT */
  f64 *sums;   /* ncols * NT */
  i32 *key_off, *key_len, *key_jur, *key_rec;
  u16 *key_units;
  /* with a SipHash key (dc_book_sip): each key is hashed here and only its hash is given */
  i32 hashing;
  u32 *key_hi, *key_lo;
} Book;
static Book K;

_Static_assert(__builtin_offsetof(Book, counts) == 32 && __builtin_offsetof(Book, sums) == 36 && __builtin_offsetof(Book, key_off) == 40 &&
                   __builtin_offsetof(Book, key_units) == 56 && __builtin_offsetof(Book, key_hi) == 64 && __builtin_offsetof(Book, key_lo) == 68,
               "Book layout (read by src/scan/wasm/wasm-engine.ts)");

/* Room for `ncols` columns' counts (zeroed) and the keys of `values` values; returns the book. */
EXPORT(dc_book_reserve) Book *dc_book_reserve(i32 ncols, i32 values) {
  if (ncols > K.cap_cols) {
    K.counts = (i32 *)dc_alloc((u32)ncols * NT * 4u);
    K.sums = (f64 *)dc_alloc((u32)ncols * NT * 8u);
    K.cap_cols = ncols;
  } else {
    __builtin_memset(K.counts, 0, (u32)ncols * NT * 4u);
    __builtin_memset(K.sums, 0, (u32)ncols * NT * 8u);
  }
  K.ncols = ncols;
  if (values > K.cap_keys) {
    K.key_off = (i32 *)dc_alloc((u32)values * 4u);
    K.key_len = (i32 *)dc_alloc((u32)values * 4u);
    K.key_jur = (i32 *)dc_alloc((u32)values * 4u);
    K.key_rec = (i32 *)dc_alloc((u32)values * 4u);
    K.key_hi = (u32 *)dc_alloc((u32)values * 4u);
    K.key_lo = (u32 *)dc_alloc((u32)values * 4u);
    K.cap_keys = values;
  }
  return &K;
}

/* Turns the bookkeeping on or off (`subjects`: the scanner wants subject keys). */
EXPORT(dc_book_on) void dc_book_on(i32 on, i32 subjects) {
  K.on = on;
  K.subjects = subjects;
}

bool_t book_on(void) { return K.on; }

/* Room for `keys` more keys of `units` units in all (grown while a batch is booked: its scratch data stays below). */
static void key_room(i32 keys, i32 units) {
  if (K.n_keys + keys > K.cap_keys) {
    i32 cap = (K.n_keys + keys) * 2;
    i32 *o = (i32 *)dc_alloc((u32)cap * 4u), *l = (i32 *)dc_alloc((u32)cap * 4u), *j = (i32 *)dc_alloc((u32)cap * 4u), *r = (i32 *)dc_alloc((u32)cap * 4u);
    __builtin_memcpy(o, K.key_off, (u32)K.n_keys * 4u);
    __builtin_memcpy(l, K.key_len, (u32)K.n_keys * 4u);
    __builtin_memcpy(j, K.key_jur, (u32)K.n_keys * 4u);
    __builtin_memcpy(r, K.key_rec, (u32)K.n_keys * 4u);
    K.key_off = o;
    K.key_len = l;
    K.key_jur = j;
    K.key_rec = r;
    u32 *hi = (u32 *)dc_alloc((u32)cap * 4u), *lo = (u32 *)dc_alloc((u32)cap * 4u);
    __builtin_memcpy(hi, K.key_hi, (u32)K.n_keys * 4u);
    __builtin_memcpy(lo, K.key_lo, (u32)K.n_keys * 4u);
    K.key_hi = hi;
    K.key_lo = lo;
    K.cap_keys = cap;
  }
  if (K.key_units_n + units > K.key_units_cap) {
    i32 cap = (K.key_units_n + units) * 2 + 4096;
    u16 *u = (u16 *)dc_alloc((u32)cap * 2u);
    __builtin_memcpy(u, K.key_units, (u32)K.key_units_n * 2u);
    K.key_units = u;
    K.key_units_cap = cap;
  }
}

static inline bool_t is_space_unit(u32 c) {
  return c == 32 || (c >= 9 && c <= 13) || c == 0xa0 || c == 0xfeff || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

#define PACK(a, b) (((u32)(a) << 8) | (u32)(b))

/* Writes `lead` then u[from, to) at u + at (never to the right of from); returns the end. */
static i32 put(u16 *u, i32 at, const char *lead, i32 from, i32 to) {
  i32 w = at;
  for (; *lead; lead++) u[w++] = (u16)*lead;
  for (i32 r = from; r < to; r++) u[w++] = u[r];
  return w;
}

/* subject-key.ts KeyUnits.write: the key of identifier s[0, n) of type ti in jurisdiction jur at u; returns its length. */
static i32 key_write(u16 *u, u32 ti, const u16 *s, i32 n, u32 jur) {
  i32 k = 0;
  for (; k < T.prefix_len[ti]; k++) u[k] = T.prefix[ti][k];
  u32 kind = T.kind[ti];
  if (kind == K_CN_MOBILE || kind == K_PHONE) {
    i32 d = k + 3, m = d;
    for (i32 i = 0; i < n; i++)
      if (s[i] >= 48 && s[i] <= 57) u[m++] = s[i];
    i32 nd = m - d;
    if (kind == K_CN_MOBILE) return put(u, k, "+86", nd > 11 ? m - 11 : d, m);
    i32 p = 0;
    while (p < n && is_space_unit(s[p])) p++;
    if (p < n && s[p] == 43) return put(u, k, "+", d, m);
    if (jur == PACK('U', 'S') || jur == PACK('C', 'A') || (nd == 10 && jur != PACK('C', 'N'))) return put(u, k, "+1", nd > 10 ? m - 10 : d, m);
    if (jur == PACK('C', 'N')) return put(u, k, "+86", nd > 0 && u[d] == 48 ? d + 1 : d, m);
    return put(u, k, "+", d, m);
  }
  i32 k0 = k;
  for (i32 i = 0; i < n; i++) {
    u32 c = s[i];
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) u[k++] = (u16)c;
    else if (c >= 97 && c <= 122) u[k++] = (u16)(c - 32);
  }
  if (kind == K_RESIDENT && k - k0 == 15) {
    for (i32 q = k - 1; q >= k0 + 6; q--) u[q + 2] = u[q];
    u[k0 + 6] = 49;
    u[k0 + 7] = 57;
    u[k0 + 17] = (u16)cn_id_check_unit(u, k0);
    k = k0 + 18;
  }
  return k;
}

/* --- SipHash-2-4 (subjects/siphash.ts): the subject counter's keyed hash ------------------- */
typedef unsigned long long u64;
static u64 sip_k0, sip_k1;

/* The counter's 128-bit key as its four little-endian 32-bit words; hashing on. */
EXPORT(dc_book_sip) void dc_book_sip(u32 k0l, u32 k0h, u32 k1l, u32 k1h) {
  sip_k0 = ((u64)k0h << 32) | k0l;
  sip_k1 = ((u64)k1h << 32) | k1l;
  K.hashing = 1;
}

#define ROTL(x, b) (u64)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                                                          \
  do {                                                                                                                                    \
    v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                                                                             \
    v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                                                                                \
    v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                                                                                \
    v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                                                                             \
  } while (0)

/* SipHash-2-4 of the UTF-16 units u[0, n) as their little-endian bytes (sipHashUnits). */
static u64 sip24(const u16 *u, i32 n) {
  u64 v0 = sip_k0 ^ 0x736f6d6570736575ull, v1 = sip_k1 ^ 0x646f72616e646f6dull;
  u64 v2 = sip_k0 ^ 0x6c7967656e657261ull, v3 = sip_k1 ^ 0x7465646279746573ull;
  i32 bytes = n * 2, words = bytes >> 3;
  for (i32 w = 0; w < words; w++) {
    const u16 *q = u + w * 4;
    u64 m = (u64)q[0] | ((u64)q[1] << 16) | ((u64)q[2] << 32) | ((u64)q[3] << 48);
    v3 ^= m;
    SIPROUND;
    SIPROUND;
    v0 ^= m;
  }
  u64 m = (u64)(bytes & 0xff) << 56;
  const u16 *q = u + words * 4;
  i32 rest = n - words * 4;
  for (i32 j = 0; j < rest; j++) m |= (u64)q[j] << (16 * j);
  v3 ^= m;
  SIPROUND;
  SIPROUND;
  v0 ^= m;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

/* The open record's offers: per jurisdiction (in the order first offered) the strongest identifier. */
static i32 n_offers;
static u32 o_jur[MAX_OFFERS], o_ti[MAX_OFFERS];
static i32 o_prio[MAX_OFFERS], o_len[MAX_OFFERS];
static const u16 *o_s[MAX_OFFERS];

/* Keys of the record's offers, for the scanner to hash. */
static void end_record(i32 rec) {
  for (i32 i = 0; i < n_offers; i++) {
    key_room(1, o_len[i] + KEY_EXTRA);
    i32 at = K.key_units_n;
    i32 n = key_write(K.key_units + at, o_ti[i], o_s[i], o_len[i], o_jur[i]);
    i32 w = K.n_keys++;
    K.key_off[w] = at;
    K.key_len[w] = n;
    K.key_jur[w] = (i32)o_jur[i];
    K.key_rec[w] = rec;
    if (K.hashing) {
      /* only the hash leaves: the key is wiped at once */
      u64 h = sip24(K.key_units + at, n);
      K.key_hi[w] = (u32)(h >> 32);
      K.key_lo[w] = (u32)h;
      __builtin_memset(K.key_units + at, 0, (u32)n * 2u);
      K.key_len[w] = 0;
    } else
      K.key_units_n = at + n;
  }
  n_offers = 0;
}

/*
 * Books the hits the batch holds for `count` values (value v of column col[v], record rec[v],
 * text at units + off[v]): counts and sums per column and type, subject keys per record. The
 * batch is left without hits: the scanner has nothing to book but the keys.
 */
void book_batch(const i32 *col, const i32 *rec, const i32 *off, const u16 *units) {
  i32 open = -1;
  n_offers = 0;
  K.n_keys = 0;
  K.key_units_n = 0;
  for (i32 h = 0; h < B.n_hits; h++) {
    i32 v = B.value[h];
    u32 ti = B.ti[h];
    i32 r = rec[v];
    if (r != open) {
      if (open >= 0) end_record(open);
      open = r;
    }
    i32 cell = col[v] * NT + (i32)ti;
    K.counts[cell]++;
    K.sums[cell] += B.conf[h];
    if (!K.subjects || T.prio[ti] < 0) continue;
    u32 jur = B.jur[h];
    if (jur == JUR_DEFAULT) jur = T.jur[ti];
    if (jur == 0) continue;
    i32 prio = T.prio[ti];
    i32 i = 0;
    while (i < n_offers && o_jur[i] != jur) i++;
    if (i < n_offers && o_prio[i] <= prio) continue;
    if (i == n_offers) {
      if (n_offers == MAX_OFFERS) continue;
      o_jur[n_offers++] = jur;
    }
    /* the identifier as the detectors read it (narrowed from full-width forms, if it was) */
    const u16 *text = B.narrowed[v] ? (const u16 *)(__SIZE_TYPE__)B.narrowed[v] : units + off[v];
    o_prio[i] = prio;
    o_ti[i] = ti;
    o_s[i] = text + B.start[h];
    o_len[i] = B.end[h] - B.start[h];
  }
  if (open >= 0) end_record(open);
  B.n_hits = 0;
}
