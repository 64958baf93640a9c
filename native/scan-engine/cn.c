/*
 * Mainland China helpers: resident ID structure (GB 11643), calendar checks, and the Han
 * character classes the single-pass scanner uses (plates, addresses, surnames). Ports
 * src/scan/detectors/cn.ts function by function (the reference; parity with the TypeScript
 * functions in src/scan/wasm/checksums.parity.test.ts).
 *
 * Tables come from cn.ts through the loader (src/scan/wasm/wasm-engine.ts writeTables):
 * TB_HAN (HAN), TB_PROVINCE_CODES (PROVINCES, i32[]), TB_COMPOUND_SURNAMES,
 * TB_NAME_KEYWORDS, TB_NOT_NAME_WORDS and TB_EXTRA2 (PROVINCE_NAMES), the last four as word
 * lists. cn_init derives the lookups below from them.
 */
#include "dc.h"

#define D0 48

/* cn.ts PROVINCES (province-level prefixes on resident IDs, plus 81/82/83), as a table over 0–99. */
static u8 PROVINCES[100];
/* cn.ts NOT_NAME_PAIRS: the two code units of each NOT_NAME_WORDS word as one number, sorted. */
static u32 *NOT_NAME_PAIRS;
static i32 n_not_name_pairs;
/* cn.ts PROVINCE_NAMES (TB_EXTRA2). */
static const WordList *PROVINCE_NAMES;

void cn_init(void) {
  const i32 *codes = (const i32 *)TBL[TB_PROVINCE_CODES];
  i32 n = (i32)(TBL_BYTES[TB_PROVINCE_CODES] / 4u);
  for (i32 k = 0; k < n; k++)
    if (codes[k] >= 0 && codes[k] < 100) PROVINCES[codes[k]] = 1;
  const WordList *w = table_words(TB_NOT_NAME_WORDS);
  n_not_name_pairs = 0;
  NOT_NAME_PAIRS = (u32 *)dc_alloc((u32)w->count * 4u + 4u);
  for (i32 k = 0; k < w->count; k++) {
    const u16 *u = w->units + w->off[k];
    u32 v = (u32)u[0] * 0x10000u + (w->len[k] > 1 ? u[1] : 0);
    /* insertion into the sorted array (a Set: duplicates once) */
    i32 q = n_not_name_pairs;
    bool_t dup = 0;
    for (i32 r = 0; r < n_not_name_pairs; r++) dup |= NOT_NAME_PAIRS[r] == v;
    if (dup) continue;
    while (q > 0 && NOT_NAME_PAIRS[q - 1] > v) {
      NOT_NAME_PAIRS[q] = NOT_NAME_PAIRS[q - 1];
      q--;
    }
    NOT_NAME_PAIRS[q] = v;
    n_not_name_pairs++;
  }
  PROVINCE_NAMES = table_words(TB_EXTRA2);
}

bool_t valid_province(const u16 *s, i32 at) {
  i32 v = ((i32)s[at] - D0) * 10 + ((i32)s[at + 1] - D0);
  return v >= 0 && v < 100 && PROVINCES[v];
}

i32 days_in(i32 y, i32 m) {
  if (m == 2) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28;
  return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
}

/* A real calendar date from 1900-01-01 up to today (P.today, cn.ts TODAY when loaded). */
bool_t valid_birth_date(i32 y, i32 m, i32 d) {
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return 0;
  /* i64: y can be any number num() makes of four units */
  return (i64)y * 10000 + (i64)m * 100 + d <= P.today;
}

/*
 * cn.ts num: the decimal value of s[from, from + len), each unit taken as (unit − 48). The
 * arithmetic is double, as in TypeScript, and the result saturates at the i32 range (only
 * a run of 10 or more digits gets there; every caller compares it with small bounds).
 */
i32 num(const u16 *s, i32 from, i32 len) {
  f64 v = 0;
  for (i32 k = 0; k < len; k++) v = v * 10 + ((f64)s[from + k] - D0);
  if (v > 2147483647.0) return 2147483647;
  if (v < -2147483648.0) return -2147483647 - 1;
  return (i32)v;
}

/* 18-character resident ID at `from`: province, birth date and MOD 11-2 check (X or x). */
bool_t cn_id18_valid(const u16 *s, i32 from) {
  if (!valid_province(s, from)) return 0;
  if (!valid_birth_date(num(s, from + 6, 4), num(s, from + 10, 2), num(s, from + 12, 2))) return 0;
  u32 want = cn_id_check_unit(s, from);
  u32 got = s[from + 17];
  return got == want || (want == 88 && got == 120);
}

/* 15-digit legacy resident ID: province and YYMMDD birth date (19YY); it has no check digit. */
bool_t cn_id15_valid(const u16 *s, i32 from) {
  if (!valid_province(s, from)) return 0;
  return valid_birth_date(1900 + num(s, from + 6, 2), num(s, from + 8, 2), num(s, from + 10, 2));
}

/* Whether s[p, p + 2) is one of NOT_NAME_WORDS. */
bool_t not_name_word_at(const u16 *s, i32 p) {
  return sorted_has_u32(NOT_NAME_PAIRS, n_not_name_pairs, (u32)s[p] * 0x10000u + s[p + 1]);
}

/* Whether c is a particle that ends a name (的 了 等): 客户张三的手机号 → 张三. */
bool_t is_name_end(u32 c) { return c == 0x7684 || c == 0x4e86 || c == 0x7b49; }

bool_t is_han(u32 c) { return c >= 0x3400 && c <= 0x9fff; }

/* Uppercase plate letters (I and O are not used) and digits. */
bool_t is_plate_char(u32 c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c != 73 && c != 79); }

/*
 * A plate at `i` (a province abbreviation): `京A12345`, `京A·12345`, new-energy `京AD12345`,
 * optionally ending in 挂/学/警. Returns the end, or -1.
 */
i32 plate_at(const u16 *s, i32 i, i32 to) {
  i32 p = i + 1;
  u32 c1 = s[p];
  if (!(c1 >= 65 && c1 <= 90) || p >= to) return -1;
  p++;
  u32 sep = s[p];
  if (sep == 0xb7 || sep == 0x2022 || sep == 32) p++;
  i32 start = p;
  while (p < to && p - start < 7 && is_plate_char(s[p])) p++;
  i32 n = p - start;
  if (p < to && n == 4 && (s[p] == 0x6302 || s[p] == 0x5b66 || s[p] == 0x8b66)) {
    p++; /* 挂 学 警 in place of the last character */
    n = 5;
  }
  if (n != 5 && n != 6) return -1;
  u32 after = p < to ? s[p] : 0;
  if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) return -1;
  /* At least one digit: plates are never all letters. */
  i32 digits = 0;
  for (i32 k = start; k < p; k++)
    if (s[k] >= 48 && s[k] <= 57) digits++;
  if (digits == 0) return -1;
  if (n == 6) {
    /* New-energy plates: D/F as first (small cars) or last (large vehicles) character. */
    u32 f = s[start];
    u32 l = s[start + 5];
    if (f != 68 && f != 70 && l != 68 && l != 70) return -1;
  }
  return p;
}

/* Characters that may continue an address run: Han, digits, ASCII letters, - # and the full-width ones. */
bool_t is_address_char(u32 c) {
  return is_han(c) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 35 || c == 0xff03 || c == 0xff0d ||
         (c >= 0xff10 && c <= 0xff19);
}

/*
 * A Chinese address inside the run [run_start, run_end): needs an administrative marker (省 市
 * 区 县 …) followed later by a street or building marker (路 街 号 室 …). Returns true with
 * [*a, *b), or false (TypeScript: undefined). Start is a province name when one is present,
 * else two characters before the first administrative marker.
 */
bool_t address_in(const u16 *s, i32 run_start, i32 run_end, i32 *a, i32 *b) {
  i32 admin = -1;
  i32 street_end = -1;
  for (i32 k = run_start; k < run_end; k++) {
    u32 h = HAN[s[k]];
    if ((h & HAN_ADMIN) && admin < 0 && k > run_start) admin = k;
    else if ((h & HAN_STREET) && admin >= 0 && k > admin + 1) street_end = k + 1;
  }
  if (admin < 0 || street_end < 0) return 0;
  /* the first province name that lies whole in [run_start, admin]; TypeScript looks the
   * names up by first character (PROVINCE_BY_FIRST), in PROVINCE_NAMES order as here */
  i32 start = -1;
  for (i32 k = run_start; k <= admin && start < 0; k++) {
    for (i32 n = 0; n < PROVINCE_NAMES->count; n++) {
      const u16 *w = PROVINCE_NAMES->units + PROVINCE_NAMES->off[n];
      i32 len = PROVINCE_NAMES->len[n];
      if (w[0] != s[k]) continue;
      if (k + len > admin + 1) continue;
      i32 q = 0;
      while (q < len && w[q] == s[k + q]) q++;
      if (q == len) {
        start = k;
        break;
      }
    }
  }
  if (start < 0) start = run_start > admin - 2 ? run_start : admin - 2;
  /* Trailing house / room numbers written after the last marker (e.g. 88号院3单元501). */
  i32 end = street_end;
  while (end < run_end) {
    u32 c = s[end];
    if ((c >= 48 && c <= 57) || c == 45 || (HAN[c] & HAN_STREET) || c == 0x5355 /* 单 */ || c == 0x5143 /* 元 */ || c == 0x5c42 /* 层 */ ||
        c == 0x9662 /* 院 */)
      end++;
    else break;
  }
  if (end - start < 6) return 0;
  *a = start;
  *b = end;
  return 1;
}

/* --- test exports: the functions above, for src/scan/wasm/checksums.parity.test.ts -------- */
EXPORT(dc_test_valid_province) bool_t dc_test_valid_province(const u16 *s, i32 at) { return valid_province(s, at); }
EXPORT(dc_test_days_in) i32 dc_test_days_in(i32 y, i32 m) { return days_in(y, m); }
EXPORT(dc_test_valid_birth_date) bool_t dc_test_valid_birth_date(i32 y, i32 m, i32 d) { return valid_birth_date(y, m, d); }
EXPORT(dc_test_num) i32 dc_test_num(const u16 *s, i32 from, i32 len) { return num(s, from, len); }
EXPORT(dc_test_cn_id18_valid) bool_t dc_test_cn_id18_valid(const u16 *s, i32 from) { return cn_id18_valid(s, from); }
EXPORT(dc_test_cn_id15_valid) bool_t dc_test_cn_id15_valid(const u16 *s, i32 from) { return cn_id15_valid(s, from); }
/* cn.ts startsWithAny is core.c's wl_starts_any (no bound: the test strings are padded with zeros). */
EXPORT(dc_test_starts_with_any) bool_t dc_test_starts_with_any(const u16 *s, i32 p, u32 table) { return wl_starts_any(table_words(table), s, p, 0x7fffffff); }
EXPORT(dc_test_not_name_word_at) bool_t dc_test_not_name_word_at(const u16 *s, i32 p) { return not_name_word_at(s, p); }
EXPORT(dc_test_is_name_end) bool_t dc_test_is_name_end(u32 c) { return is_name_end(c); }
EXPORT(dc_test_is_han) bool_t dc_test_is_han(u32 c) { return is_han(c); }
EXPORT(dc_test_is_plate_char) bool_t dc_test_is_plate_char(u32 c) { return is_plate_char(c); }
EXPORT(dc_test_plate_at) i32 dc_test_plate_at(const u16 *s, i32 i, i32 to) { return plate_at(s, i, to); }
EXPORT(dc_test_is_address_char) bool_t dc_test_is_address_char(u32 c) { return is_address_char(c); }
/* address_in as start * 65536 + end, or -1 (undefined) */
EXPORT(dc_test_address_in) i32 dc_test_address_in(const u16 *s, i32 run_start, i32 run_end) {
  i32 a = 0, b = 0;
  return address_in(s, run_start, run_end, &a, &b) ? a * 65536 + b : -1;
}
