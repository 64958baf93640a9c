/*
 * The engine's core: memory, tables, keyword sets, Hits, the confidence model (emit,
 * hasContext), the main walk (run, narrowed, token) and the exports the loader calls.
 * Ports src/scan/detectors/engine.ts (class Engine, class Hits) and keywords.ts (KeywordSet).
 */
#include "dc.h"
#include <wasm_simd128.h>

extern u8 __heap_base;

u8 CLS[128];
Engine E;
Hits H;
i32 gS[MAX_GROUPS], gE[MAX_GROUPS], gSep[MAX_GROUPS];
i8 dig[32];
void *TBL[TB_COUNT];
u32 TBL_BYTES[TB_COUNT];
Params P;
KeywordSet *KW[NT];
KeywordSet *NEGATIVE_KEYWORDS;
const u8 *HAN;

/* --- memory ------------------------------------------------------------------------------ */
static u32 heap_top;     /* next free byte */
static u32 scratch_base; /* where the per-value arena starts (after start-up allocations) */

static void ensure(u32 end) {
  u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
  if (end <= have) return;
  u32 pages = (end - have + 65535u) / 65536u;
  if (__builtin_wasm_memory_grow(0, pages) == (__SIZE_TYPE__)-1) __builtin_trap();
}

static void *bump(u32 bytes) {
  if (heap_top == 0) heap_top = ((u32)(__SIZE_TYPE__)&__heap_base + 7u) & ~7u;
  u32 p = heap_top;
  u32 end = (p + bytes + 7u) & ~7u;
  ensure(end);
  heap_top = end;
  return (void *)(__SIZE_TYPE__)p;
}

void *dc_alloc(u32 bytes) {
  u8 *p = (u8 *)bump(bytes);
  __builtin_memset(p, 0, bytes);
  scratch_base = heap_top;
  return p;
}

void *scratch_alloc(u32 bytes) { return bump(bytes); }

u8 *input_room(u8 **in, i32 *len, i32 *cap, i32 *pos, i32 n) {
  i32 rest = *len - *pos;
  if (rest + n > *cap) {
    i32 grown = (rest + n) + (rest + n) / 2 + 65536;
    u8 *to = (u8 *)dc_alloc((u32)grown);
    if (rest > 0) __builtin_memcpy(to, *in + *pos, (u32)rest);
    *in = to;
    *cap = grown;
  } else if (rest > 0 && *pos > 0)
    __builtin_memmove(*in, *in + *pos, (u32)rest);
  *pos = 0;
  *len = rest;
  return *in + rest;
}

void units_room(u16 **units, i32 *cap, i32 need) {
  if (need <= *cap) return;
  *cap = need;
  *units = (u16 *)dc_alloc((u32)need * 2u);
}

void copy_units(u16 *dst, const u16 *src, i32 n) { __builtin_memcpy(dst, src, (u32)n * 2u); }

/* --- word lists and tables --------------------------------------------------------------- */
bool_t wl_has(const WordList *w, const u16 *s, i32 at, i32 n) {
  for (i32 k = 0; k < w->count; k++) {
    if (w->len[k] != n) continue;
    const u16 *u = w->units + w->off[k];
    i32 q = 0;
    while (q < n && u[q] == s[at + q]) q++;
    if (q == n) return 1;
  }
  return 0;
}

bool_t wl_has_lower(const WordList *w, const u16 *s, i32 at, i32 n) {
  for (i32 k = 0; k < w->count; k++) {
    if (w->len[k] != n) continue;
    const u16 *u = w->units + w->off[k];
    i32 q = 0;
    for (; q < n; q++) {
      u32 c = s[at + q];
      if (c >= 65 && c <= 90) c |= 32;
      if (c != u[q]) break;
    }
    if (q == n) return 1;
  }
  return 0;
}

bool_t wl_starts_any(const WordList *w, const u16 *s, i32 at, i32 limit) {
  for (i32 k = 0; k < w->count; k++) {
    i32 n = w->len[k];
    if (at + n > limit) continue;
    const u16 *u = w->units + w->off[k];
    i32 q = 0;
    while (q < n && u[q] == s[at + q]) q++;
    if (q == n) return 1;
  }
  return 0;
}

const WordList *table_words(u32 id) { return (const WordList *)TBL[id]; }

bool_t sorted_has_u32(const u32 *a, i32 n, u32 v) {
  i32 lo = 0, hi = n;
  while (lo < hi) {
    i32 mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && a[lo] == v;
}

/* --- keyword sets (keywords.ts KeywordSet) ----------------------------------------------- */
#define KEYWORD_WINDOW 28
#define WHOLE_WORD_MAX 3
struct KeywordSet {
  const WordList *words;
  /* per ASCII first character: the indices of its words (-1 terminated), or 0 */
  i32 *ascii[128];
  /* other first characters: n of them, with their word indices */
  i32 n_other;
  u16 *other_first;
  i32 *other_word;
};

static bool_t is_letter(u32 c) { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

/* keywords.ts matchesLower for a word given as units (from its unit `from` on). */
static bool_t matches_lower_units(const u16 *s, i32 at, const u16 *w, i32 n, i32 from) {
  for (i32 k = from; k < n; k++) {
    u32 c = s[at + k];
    if (c >= 65 && c <= 90) c |= 32;
    if (c != w[k]) return 0;
  }
  return 1;
}

bool_t matches_lower(const u16 *s, i32 at, const char *word, i32 from) {
  for (i32 k = from; word[k]; k++) {
    u32 c = s[at + k];
    if (c >= 65 && c <= 90) c |= 32;
    if (c != (u8)word[k]) return 0;
  }
  return 1;
}

static KeywordSet *kw_build(const WordList *w) {
  KeywordSet *k = (KeywordSet *)dc_alloc(sizeof(KeywordSet));
  k->words = w;
  i32 counts[128] = {0};
  i32 others = 0;
  for (i32 i = 0; i < w->count; i++) {
    u32 f = w->units[w->off[i]];
    if (f < 128) counts[f]++;
    else others++;
  }
  for (i32 c = 0; c < 128; c++) {
    if (!counts[c]) continue;
    k->ascii[c] = (i32 *)dc_alloc((u32)(counts[c] + 1) * 4u);
    i32 m = 0;
    for (i32 i = 0; i < w->count; i++)
      if (w->units[w->off[i]] == c) k->ascii[c][m++] = i;
    k->ascii[c][m] = -1;
  }
  k->n_other = others;
  k->other_first = (u16 *)dc_alloc((u32)others * 2u + 2u);
  k->other_word = (i32 *)dc_alloc((u32)others * 4u + 4u);
  i32 m = 0;
  for (i32 i = 0; i < w->count; i++) {
    u32 f = w->units[w->off[i]];
    if (f >= 128) {
      k->other_first[m] = (u16)f;
      k->other_word[m++] = i;
    }
  }
  return k;
}

static bool_t kw_try(const KeywordSet *k, const u16 *s, i32 p, i32 start, i32 wi, bool_t ascii) {
  const WordList *w = k->words;
  i32 L = w->len[wi];
  if (p + L > start) return 0;
  if (!matches_lower_units(s, p, w->units + w->off[wi], L, 1)) return 0;
  if (ascii && L <= WHOLE_WORD_MAX && p + L < start && is_letter(s[p + L])) return 0;
  return 1;
}

bool_t kw_before(const KeywordSet *k, const u16 *s, i32 from, i32 start) {
  if (!k) return 0;
  i32 w0 = start - KEYWORD_WINDOW > from ? start - KEYWORD_WINDOW : from;
  for (i32 p = w0; p < start; p++) {
    u32 c = s[p];
    if (c < 128) {
      if (c >= 65 && c <= 90) c |= 32;
      const i32 *list = k->ascii[c];
      if (!list) continue;
      /* an ASCII keyword starts a word (or a camelCase part: customerSsn, clientIMEI) */
      if (p > from && is_letter(s[p - 1]) && !(c != s[p] && s[p - 1] >= 97)) continue;
      for (; *list >= 0; list++)
        if (kw_try(k, s, p, start, *list, 1)) return 1;
    } else {
      for (i32 m = 0; m < k->n_other; m++)
        if (k->other_first[m] == c && kw_try(k, s, p, start, k->other_word[m], 0)) return 1;
    }
  }
  return 0;
}

/* --- Hits ----------------------------------------------------------------------------------- */
/* Hit arrays kept from value to value, with room for n / 8 + 64 hits of a value of n units
 * (more than real text gives: a hit is a handful of characters or more, with a separator); a
 * value that gives more continues in larger arrays of its scratch arena. */
static Hits kept;

static void hits_alloc(Hits *h, i32 cap, void *(*alloc)(u32)) {
  h->cap = cap;
  h->ti = (u8 *)alloc((u32)cap);
  h->start = (i32 *)alloc((u32)cap * 4u);
  h->end = (i32 *)alloc((u32)cap * 4u);
  h->conf = (f64 *)alloc((u32)cap * 8u);
  h->jur = (u16 *)alloc((u32)cap * 2u);
}

/* Before a value of n units (nothing of the scratch arena is in use yet). */
static void hits_reserve(i32 n) {
  i32 want = n / 8 + 64;
  if (kept.cap < want) hits_alloc(&kept, want + want / 2, dc_alloc);
  H = kept;
  H.n = 0;
}

void hits_add(u32 ti, i32 start, i32 end, f64 conf, u32 jur) {
  if (H.n == H.cap) {
    Hits old = H;
    hits_alloc(&H, old.cap * 2, scratch_alloc);
    __builtin_memcpy(H.ti, old.ti, (u32)old.n);
    __builtin_memcpy(H.start, old.start, (u32)old.n * 4u);
    __builtin_memcpy(H.end, old.end, (u32)old.n * 4u);
    __builtin_memcpy(H.conf, old.conf, (u32)old.n * 8u);
    __builtin_memcpy(H.jur, old.jur, (u32)old.n * 2u);
    H.n = old.n;
  }
  i32 k = H.n++;
  H.ti[k] = (u8)ti;
  H.start[k] = start;
  H.end[k] = end;
  H.conf[k] = conf;
  H.jur[k] = (u16)jur;
}

static void hits_swap(i32 a, i32 b) {
  u8 t = H.ti[a]; H.ti[a] = H.ti[b]; H.ti[b] = t;
  i32 x = H.start[a]; H.start[a] = H.start[b]; H.start[b] = x;
  x = H.end[a]; H.end[a] = H.end[b]; H.end[b] = x;
  f64 c = H.conf[a]; H.conf[a] = H.conf[b]; H.conf[b] = c;
  u16 j = H.jur[a]; H.jur[a] = H.jur[b]; H.jur[b] = j;
}

static void hits_copy(i32 from, i32 to) {
  H.ti[to] = H.ti[from];
  H.start[to] = H.start[from];
  H.end[to] = H.end[from];
  H.conf[to] = H.conf[from];
  H.jur[to] = H.jur[from];
}

/* Sort by start and drop overlaps: the higher confidence wins, then the longer span. */
void hits_resolve(void) {
  i32 n = H.n;
  if (n < 2) return;
  for (i32 i = 1; i < n; i++) {
    i32 j = i;
    while (j > 0 && H.start[j - 1] > H.start[j]) {
      hits_swap(j, j - 1);
      j--;
    }
  }
  i32 w = 0;
  for (i32 i = 0; i < n; i++) {
    if (w > 0 && H.start[i] < H.end[w - 1]) {
      i32 p = w - 1;
      bool_t better = H.conf[i] > H.conf[p] || (H.conf[i] == H.conf[p] && H.end[i] - H.start[i] > H.end[p] - H.start[p]);
      if (better) hits_copy(i, p);
      continue;
    }
    if (w != i) hits_copy(i, w);
    w++;
  }
  H.n = w;
}

/* --- the confidence model ---------------------------------------------------------------- */
#define FIELD_WEIGHT 0.8
#define KEYWORD_WEIGHT 0.6
#define NEGATIVE_FACTOR 0.5
#define SURE 0.9
static f64 or_(f64 a, f64 w) { return 1 - (1 - a) * (1 - w); }

/* Types whose confidence a preceding "order / invoice / …" lowers (engine.ts NEGATABLE). */
static const u32 NEG_BITS = TYPE_BIT(T_cn_mobile) | TYPE_BIT(T_phone) | TYPE_BIT(T_payment_card) | TYPE_BIT(T_imei) | TYPE_BIT(T_us_ssn) |
                            TYPE_BIT(T_us_itin) | TYPE_BIT(T_aba_routing) | TYPE_BIT(T_cn_resident_id) | TYPE_BIT(T_us_passport) |
                            TYPE_BIT(T_cn_passport) | TYPE_BIT(T_hk_id) | TYPE_BIT(T_tw_id) | TYPE_BIT(T_cn_uscc);

/* Math.round: the nearest integer, halves up. */
static f64 js_round(f64 x) {
  f64 r = __builtin_floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

void emit(u32 ti, i32 start, i32 end, f64 base, u32 jur) {
  f64 c = base;
  if (E.hints & TYPE_BIT(ti)) c = or_(c, FIELD_WEIGHT);
  else if (c < E.min_conf && start > E.from && kw_before(KW[ti], E.s, E.from, start)) c = or_(c, KEYWORD_WEIGHT);
  if ((NEG_BITS & TYPE_BIT(ti)) && base < SURE) {
    if (E.flags & CTX_NEGATIVE) c *= NEGATIVE_FACTOR;
    else if (start > E.from && kw_before(NEGATIVE_KEYWORDS, E.s, E.from, start)) c *= NEGATIVE_FACTOR;
  }
  if (c < E.min_conf) return;
  hits_add(ti, start, end, js_round(c * 1000) / 1000, jur == 0 ? JUR_DEFAULT : jur);
}

bool_t has_context(u32 ti, i32 start) {
  if (E.hints & TYPE_BIT(ti)) return 1;
  if (start <= E.from) return 0;
  return kw_before(KW[ti], E.s, E.from, start);
}

/* --- the walk ---------------------------------------------------------------------------- */
/* Full-width forms (U+FF00 + i) read as ASCII (engine.ts WIDE). */
#define WIDE_MAPPED 1
#define WIDE_TRIGGER 2
static u8 WIDE[0x5f];

static void run(const u16 *s, i32 from, i32 to);

static void narrowed(const u16 *s, i32 from, i32 to) {
  i32 n = to - from;
  u16 *t = (u16 *)scratch_alloc((u32)(n + 2 * PAD) * 2u);
  for (i32 k = 0; k < PAD; k++) t[k] = 0;
  u16 *u = t + PAD;
  for (i32 k = 0; k < n; k++) {
    u32 c = s[from + k];
    u[k] = (u16)(c >= 0xff00 && c <= 0xff5e && WIDE[c - 0xff00] != 0 ? c - 0xfee0 : c == 0x3000 ? 0x20 : c);
  }
  for (i32 k = 0; k < PAD; k++) u[n + k] = 0;
  H.n = 0;
  E.offset = from;
  E.narrowed_value = 1;
  E.s = u;
  E.from = 0;
  E.to = n;
  E.han_done = 0;
  E.tab_done = 0;
  run(u, 0, n);
  for (i32 k = 0; k < H.n; k++) {
    H.start[k] += from;
    H.end[k] += from;
  }
  E.from = from;
  E.to = to;
}

static void run(const u16 *s, i32 from, i32 to) {
  if ((E.hints & VALUE_LEVEL_BITS) != 0 && value_level(s, from, to)) {
    hits_resolve();
    return;
  }
  i32 i = from;
  while (i < to) {
    u32 c = s[i];
    if (c < 128) {
      if (CLS[c] & C_ALNUM) i = token(i);
      else if (c == 64) i = email(i);
      else if (c == 58) i = ipv6(i);
      else if (c == 43) i = plus(i);
      else if (c == 40) i = paren(i);
      else if (c == 9 && !E.tab_done) {
        E.tab_done = 1;
        genomic_line();
        i++;
      } else i++;
    } else if (c >= 0x3400 && c <= 0x9fff) {
      if (i < E.han_done && (HAN[c] & (HAN_PLATE | HAN_KEY)) == 0) i++;
      else i = han(i);
    } else if (c >= 0xff10 && c <= 0xff5a && (WIDE[c - 0xff00] & WIDE_TRIGGER) != 0 && !E.narrowed_value) {
      narrowed(s, from, to);
      return;
    } else i++;
  }
  hits_resolve();
}

i32 token(i32 i) {
  const u16 *s = E.s;
  i32 to = E.to;
  i32 j = i;
  i32 digits = 0, upper = 0;
  bool_t hex = 1;
  /* the token's end and its digits, capitals and hex-ness, eight units at a time: what a loop over
     CLS gives (digit, upper, lower: ASCII ranges; hex: 0-9, A-F, a-f), up to `to` */
  const v128_t c0 = wasm_i16x8_splat('0'), cA = wasm_i16x8_splat('A'), ca = wasm_i16x8_splat('a');
  const v128_t n10 = wasm_i16x8_splat(10), n26 = wasm_i16x8_splat(26), n6 = wasm_i16x8_splat(6);
  for (;;) {
    v128_t x = wasm_v128_load(s + j);
    v128_t xa = wasm_i16x8_sub(x, cA), xl = wasm_i16x8_sub(x, ca);
    v128_t d = wasm_u16x8_lt(wasm_i16x8_sub(x, c0), n10);
    v128_t u = wasm_u16x8_lt(xa, n26);
    v128_t l = wasm_u16x8_lt(xl, n26);
    v128_t h = wasm_v128_or(d, wasm_v128_or(wasm_u16x8_lt(xa, n6), wasm_u16x8_lt(xl, n6)));
    u32 alnum = (u32)wasm_i16x8_bitmask(wasm_v128_or(d, wasm_v128_or(u, l)));
    i32 room = to - j;
    if (room < 8) alnum &= (1u << (room > 0 ? room : 0)) - 1u;
    u32 t = (u32)__builtin_ctz(~alnum); /* alnum units at the front (8: all of them) */
    u32 front = (1u << t) - 1u;
    digits += __builtin_popcount((u32)wasm_i16x8_bitmask(d) & front);
    upper += __builtin_popcount((u32)wasm_i16x8_bitmask(u) & front);
    if (((u32)wasm_i16x8_bitmask(h) & front) != front) hex = 0;
    j += (i32)t;
    if (t < 8) break;
  }
  i32 len = j - i;
  i32 lower = len - digits - upper;
  if (hex && j < to) {
    u32 next = s[j];
    if (len == 2 && (next == 58 || next == 45)) {
      i32 e = mac(i, next);
      if (e > 0) return e;
    } else if (len == 4 && next == 46) {
      i32 e = mac_cisco(i);
      if (e > 0) return e;
    } else if (len == 8 && next == 45) {
      i32 e = uuid(i, (upper > 0 ? C_UPPER : 0) | (lower > 0 ? C_LOWER : 0));
      if (e > 0) return e;
    }
  }
  if (upper + lower == 0) return digit_chain(i, j);
  if (digits == 0) return word(i, j, upper, lower);
  return mixed(i, j, digits, upper, lower);
}

/* --- exports ------------------------------------------------------------------------------ */
static const char TYPE_NAMES[] =
    "cn_resident_id,cn_mobile,cn_uscc,cn_passport,hk_id,tw_id,cn_vehicle_plate,cn_address,us_ssn,us_itin,us_passport,"
    "aba_routing,phone,email,ip_address,mac_address,imei,payment_card,iban,geo_coordinates,date_of_birth,advertising_id,"
    "crypto_wallet,genomic,icd10,person_name,address";

EXPORT(dc_type_names) const char *dc_type_names(void) { return TYPE_NAMES; }

/* A table of `bytes` (persistent); the loader writes it. */
EXPORT(dc_table) void *dc_table(u32 id, u32 bytes) {
  void *p = dc_alloc(bytes);
  if (id < TB_COUNT) {
    TBL[id] = p;
    TBL_BYTES[id] = bytes;
  }
  return p;
}

/* A word list of `count` words and `units` code units in all; the loader fills off/len/units. */
EXPORT(dc_words) WordList *dc_words(i32 count, i32 units) {
  WordList *w = (WordList *)dc_alloc(sizeof(WordList));
  w->count = count;
  w->off = (const i32 *)dc_alloc((u32)count * 4u + 4u);
  w->len = (const i32 *)dc_alloc((u32)count * 4u + 4u);
  w->units = (const u16 *)dc_alloc((u32)units * 2u + 2u);
  return w;
}
EXPORT(dc_words_off) const i32 *dc_words_off(const WordList *w) { return w->off; }
EXPORT(dc_words_len) const i32 *dc_words_len(const WordList *w) { return w->len; }
EXPORT(dc_words_units) const u16 *dc_words_units(const WordList *w) { return w->units; }
EXPORT(dc_set_words) void dc_set_words(u32 id, WordList *w) {
  if (id < TB_COUNT) TBL[id] = w;
}
/* KEYWORDS[type] (type < NT) or NEGATIVE_KEYWORDS (type == NT). */
EXPORT(dc_set_keywords) void dc_set_keywords(u32 type, const WordList *w) {
  KeywordSet *k = kw_build(w);
  if (type < NT) KW[type] = k;
  else NEGATIVE_KEYWORDS = k;
}

EXPORT(dc_params) void dc_params(i32 geo_dec, i32 genomic_min, i32 unionpay_loose, i32 today, i32 this_year) {
  P.geo_dec = geo_dec;
  P.genomic_min = genomic_min;
  P.unionpay_loose = unionpay_loose;
  P.today = today;
  P.this_year = this_year;
}

void cn_init(void);
void value_level_init(void);

/* After every table is written. */
EXPORT(dc_init) void dc_init(void) {
  for (u32 c = 48; c <= 57; c++) CLS[c] = C_DIGIT | C_HEX;
  for (u32 c = 65; c <= 90; c++) CLS[c] = C_UPPER | (c <= 70 ? C_HEX : 0);
  for (u32 c = 97; c <= 122; c++) CLS[c] = C_LOWER | (c <= 102 ? C_HEX : 0);
  for (u32 c = 0x10; c <= 0x19; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
  for (u32 c = 0x21; c <= 0x3a; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
  for (u32 c = 0x41; c <= 0x5a; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
  WIDE[0x20] = WIDE_MAPPED | WIDE_TRIGGER;
  WIDE[0x0b] = WIDE[0x0d] = WIDE[0x0e] = WIDE[0x0f] = WIDE[0x08] = WIDE[0x09] = WIDE_MAPPED;
  HAN = (const u8 *)TBL[TB_HAN];
  cn_init();
  value_level_init();
  scratch_base = heap_top;
}

static u16 *input;
static i32 input_cap;

/* Room for a value of n units (kept between values; grown when a longer one comes): returns
 * where the loader writes values. PAD zero units stay before it; dc_scan writes those after. */
EXPORT(dc_reserve) u16 *dc_reserve(i32 n) {
  if (n > input_cap) {
    i32 cap = n < 4096 ? 4096 : n + n / 2;
    u16 *b = (u16 *)dc_alloc((u32)(cap + 2 * PAD) * 2u);
    input = b + PAD;
    input_cap = cap;
  }
  return input;
}

/* engine.ts scan(s, 0, n, ctx, minConf) over the n units written at dc_reserve's pointer;
 * returns the number of hits (in H, see dc_hits_addr). */
static i32 input_dirty; /* units after the last value's start that may hold text */

EXPORT(dc_scan) i32 dc_scan(i32 n, u32 hints, u32 flags, f64 min_conf) {
  hits_reserve(n);
  heap_top = scratch_base;
  /* PAD zero units after the value: what the previous, longer value left there */
  i32 dirty = input_dirty < n + PAD ? input_dirty : n + PAD;
  for (i32 k = n; k < dirty; k++) input[k] = 0;
  input_dirty = n;
  E.s = input;
  E.from = 0;
  E.to = n;
  E.hints = hints;
  E.flags = flags;
  E.min_conf = min_conf;
  E.offset = 0;
  E.narrowed_value = 0;
  E.han_done = 0;
  E.tab_done = 0;
  if (n <= 0) return 0;
  run(input, 0, n);
  return H.n;
}

/* The hits and the engine state, read by the loader at fixed offsets (checked below). */
EXPORT(dc_hits_addr) Hits *dc_hits_addr(void) { return &H; }
EXPORT(dc_engine_addr) Engine *dc_engine_addr(void) { return &E; }
_Static_assert(__builtin_offsetof(Hits, n) == 0 && __builtin_offsetof(Hits, ti) == 8 && __builtin_offsetof(Hits, start) == 12 &&
                   __builtin_offsetof(Hits, end) == 16 && __builtin_offsetof(Hits, conf) == 20 && __builtin_offsetof(Hits, jur) == 24,
               "Hits layout (read by src/scan/wasm/wasm-engine.ts)");
_Static_assert(__builtin_offsetof(Engine, offset) == 40 && __builtin_offsetof(Engine, narrowed_value) == 44, "Engine layout (read by wasm-engine.ts)");


/* --- batches: many values in one call -------------------------------------------------------
 * The loader writes each value at its offset in the batch's text (each followed by BATCH_GAP
 * zero units, and the text preceded by them), with its length, hints and flags; dc_scan_batch
 * scans them in order and lists every value's hits, value by value, with the value's index.
 * A value read through its ASCII twins (full-width forms) gives the address of that reading. */
Batch B;

/* Room for `values` values and `units` units of text (gaps included); returns the batch. */
EXPORT(dc_batch_reserve) Batch *dc_batch_reserve(i32 values, i32 units) {
  if (values > B.cap_values) {
    i32 cap = values + values / 2 + 16;
    B.off = (i32 *)dc_alloc((u32)cap * 4u);
    B.len = (i32 *)dc_alloc((u32)cap * 4u);
    B.hints = (u32 *)dc_alloc((u32)cap * 4u);
    B.flags = (u32 *)dc_alloc((u32)cap * 4u);
    B.cap_values = cap;
  }
  if (units > B.cap_units) {
    i32 cap = units + units / 2 + 4096;
    B.units = (u16 *)dc_alloc((u32)(cap + 2 * BATCH_GAP) * 2u) + BATCH_GAP;
    B.cap_units = cap;
  }
  return &B;
}

EXPORT(dc_batch_gap) i32 dc_batch_gap(void) { return BATCH_GAP; }

/* The batch's hit arrays with room for `cap` hits, in the arena, keeping the hits listed so far. */
static void batch_hits_alloc(i32 cap) {
  Batch o = B;
  B.value = (i32 *)scratch_alloc((u32)cap * 4u);
  B.ti = (u8 *)scratch_alloc((u32)cap);
  B.start = (i32 *)scratch_alloc((u32)cap * 4u);
  B.end = (i32 *)scratch_alloc((u32)cap * 4u);
  B.conf = (f64 *)scratch_alloc((u32)cap * 8u);
  B.jur = (u16 *)scratch_alloc((u32)cap * 2u);
  if (o.n_hits > 0) {
    __builtin_memcpy(B.value, o.value, (u32)o.n_hits * 4u);
    __builtin_memcpy(B.ti, o.ti, (u32)o.n_hits);
    __builtin_memcpy(B.start, o.start, (u32)o.n_hits * 4u);
    __builtin_memcpy(B.end, o.end, (u32)o.n_hits * 4u);
    __builtin_memcpy(B.conf, o.conf, (u32)o.n_hits * 8u);
    __builtin_memcpy(B.jur, o.jur, (u32)o.n_hits * 2u);
  }
}

/* Scans `count` values, value v at units + off[v] (len[v] units, BATCH_GAP zero units after
 * it and before the first), with hints[v] and flags[v]; the hits go to the batch's result
 * arrays (B.n_hits, B.value, ...). The batch's own values, or the records of csv.c. */
i32 scan_values(i32 count, const i32 *off, const i32 *len, const u32 *hints, const u32 *flags, u16 *units, f64 min_conf) {
  i32 longest = 0, total = 0;
  for (i32 v = 0; v < count; v++) {
    if (len[v] > longest) longest = len[v];
    total += len[v];
  }
  hits_reserve(longest); /* may take persistent memory: before the arena is in use */
  heap_top = scratch_base;
  i32 cap = total / 8 + 64;
  B.n_hits = 0;
  batch_hits_alloc(cap);
  B.narrowed = (i32 *)scratch_alloc((u32)(count + 1) * 4u);
  for (i32 v = 0; v < count; v++) {
    i32 n = len[v];
    u16 *s = units + off[v];
    /* the gap after the value: zero units (four vector stores, BATCH_GAP is 32) */
    _Static_assert(BATCH_GAP == 32, "the gap is cleared as 4 × 8 units");
    v128_t z = wasm_i64x2_const(0, 0);
    wasm_v128_store(s + n, z);
    wasm_v128_store(s + n + 8, z);
    wasm_v128_store(s + n + 16, z);
    wasm_v128_store(s + n + 24, z);
    E.s = s;
    E.from = 0;
    E.to = n;
    E.hints = hints[v];
    E.flags = flags[v];
    E.min_conf = min_conf;
    E.offset = 0;
    E.narrowed_value = 0;
    E.han_done = 0;
    E.tab_done = 0;
    H = kept;
    H.n = 0;
    if (n > 0) run(s, 0, n);
    B.narrowed[v] = E.narrowed_value ? (i32)(__SIZE_TYPE__)E.s : 0;
    if (B.n_hits + H.n > cap) {
      /* more hits than room (dense values): larger arrays */
      i32 ncap = (B.n_hits + H.n) * 2;
      batch_hits_alloc(ncap);
      cap = ncap;
    }
    for (i32 k = 0; k < H.n; k++) {
      i32 w = B.n_hits++;
      B.value[w] = v;
      B.ti[w] = H.ti[k];
      B.start[w] = H.start[k];
      B.end[w] = H.end[k];
      B.conf[w] = H.conf[k];
      B.jur[w] = H.jur[k];
    }
  }
  return B.n_hits;
}

EXPORT(dc_scan_batch) i32 dc_scan_batch(i32 count, f64 min_conf) { return scan_values(count, B.off, B.len, B.hints, B.flags, B.units, min_conf); }

EXPORT(dc_batch_addr) Batch *dc_batch_addr(void) { return &B; }
_Static_assert(__builtin_offsetof(Batch, off) == 8 && __builtin_offsetof(Batch, len) == 12 && __builtin_offsetof(Batch, hints) == 16 &&
                   __builtin_offsetof(Batch, flags) == 20 && __builtin_offsetof(Batch, units) == 24 && __builtin_offsetof(Batch, n_hits) == 28 &&
                   __builtin_offsetof(Batch, value) == 32 && __builtin_offsetof(Batch, ti) == 36 && __builtin_offsetof(Batch, start) == 40 &&
                   __builtin_offsetof(Batch, end) == 44 && __builtin_offsetof(Batch, conf) == 48 && __builtin_offsetof(Batch, jur) == 52 &&
                   __builtin_offsetof(Batch, narrowed) == 56,
               "Batch layout (read by src/scan/wasm/wasm-engine.ts)");
