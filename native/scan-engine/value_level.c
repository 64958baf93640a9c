/*
 * Value-level detectors: when the field name says what a column holds, the whole value is
 * judged by its shape. Ports src/scan/detectors/value-level.ts.
 */
#include "dc.h"

u32 VALUE_LEVEL_BITS;
#define B_ADDRESS TYPE_BIT(T_address)
#define B_CN_ADDRESS TYPE_BIT(T_cn_address)
#define B_CN_MOBILE TYPE_BIT(T_cn_mobile)
#define B_DATE_OF_BIRTH TYPE_BIT(T_date_of_birth)
#define B_GENOMIC TYPE_BIT(T_genomic)
#define B_GEO_COORDINATES TYPE_BIT(T_geo_coordinates)
#define B_ICD10 TYPE_BIT(T_icd10)
#define B_PERSON_NAME TYPE_BIT(T_person_name)
#define B_PHONE TYPE_BIT(T_phone)
#define PHONE_BITS (B_PHONE | B_CN_MOBILE)
#define ADDRESS_BITS (B_ADDRESS | B_CN_ADDRESS)

void value_level_init(void) { VALUE_LEVEL_BITS = PHONE_BITS | B_DATE_OF_BIRTH | B_GEO_COORDINATES | B_ICD10 | B_PERSON_NAME | ADDRESS_BITS | B_GENOMIC; }

static i8 d[24];

static bool_t is_space(u32 c) { return c == 32 || c == 9 || c == 10 || c == 13 || c == 0x3000; }
static bool_t is_digit_c(u32 c) { return c >= 48 && c <= 57; }

/*
 * NOT_A_NAME.has(s.slice(a, b).toLowerCase()). The words are ASCII or Han; toLowerCase maps
 * ASCII capitals, and of the other characters only U+212A KELVIN SIGN lowers to an ASCII
 * letter (k). Any other character lowers to something no word holds.
 */
static bool_t not_a_name(const u16 *s, i32 a, i32 b) {
  const WordList *w = table_words(TB_NOT_A_NAME);
  i32 n = b - a;
  for (i32 k = 0; k < w->count; k++) {
    if (w->len[k] != n) continue;
    const u16 *u = w->units + w->off[k];
    i32 q = 0;
    for (; q < n; q++) {
      u32 c = s[a + q];
      if (c >= 65 && c <= 90) c |= 32;
      else if (c == 0x212a) c = 107;
      if (c != u[q]) break;
    }
    if (q == n) return 1;
  }
  return 0;
}

static bool_t phone(const u16 *s, i32 a, i32 b) {
  i32 n = 0;
  i32 first_group = -1;
  for (i32 p = a; p < b; p++) {
    u32 c = s[p];
    if (c >= 48 && c <= 57) {
      if (n >= 24) return 0;
      d[n++] = (i8)(c - 48);
    } else if (c != 32 && c != 45 && c != 40 && c != 41 && c != 46 && c != 43) return 0;
    else if (first_group < 0 && n > 0) first_group = n;
  }
  bool_t plus = s[a] == 43;
  /* "1-415-555-2671" / "1 (415) …" is a NANP number, never a mainland mobile */
  if (n == 11 && first_group == 1 && d[0] == 1 && nanp_valid(d, 1)) {
    emit(T_phone, a, b, 0.6, nanp_country(d, 1));
    return 1;
  }
  if (n == 11 && !plus && cn_mobile_tier(d, 0) > 0) {
    emit(T_cn_mobile, a, b, 0.7, JUR_DEFAULT);
    return 1;
  }
  if (n == 13 && d[0] == 8 && d[1] == 6 && cn_mobile_tier(d, 2) > 0) {
    emit(T_cn_mobile, a, b, 0.8, JUR_DEFAULT);
    return 1;
  }
  if (n == 10 && !plus && nanp_valid(d, 0)) {
    emit(T_phone, a, b, 0.6, nanp_country(d, 0));
    return 1;
  }
  if (n == 11 && d[0] == 1 && nanp_valid(d, 1)) {
    emit(T_phone, a, b, 0.6, nanp_country(d, 1));
    return 1;
  }
  if (!plus && (n == 10 || n == 11 || n == 12) && d[0] == 0) {
    if (cn_landline_valid(d, 0, 3, n - 3) || cn_landline_valid(d, 0, 4, n - 4)) {
      emit(T_phone, a, b, 0.6, JUR('C', 'N'));
      return 1;
    }
  }
  if (plus && n >= 7 && n <= 15) {
    u8 digits[24];
    for (i32 k = 0; k < n; k++) digits[k] = (u8)(48 + d[k]);
    u32 r = js_intl_valid(digits, n);
    if (r) {
      emit(T_phone, a, b, 0.6, r == 1 ? 0 : r);
      return 1;
    }
  }
  return 0;
}

static i32 digits_at(const u16 *s, i32 p, i32 k) {
  i32 v = 0;
  for (i32 q = 0; q < k; q++) {
    i32 c = (i32)s[p + q] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/*
 * YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (optionally followed by a time), YYYYMMDD, DD/MM/YYYY,
 * MM/DD/YYYY, YYYY年M月D日.
 */
static bool_t birth_date(const u16 *s, i32 a, i32 b) {
  i32 p = a;
  while (p < b && is_digit_c(s[p]) && p - a < 8) p++;
  i32 n1 = p - a;
  bool_t ok = 0;
  if (n1 == 8 && p == b) ok = valid_birth_date(digits_at(s, a, 4), digits_at(s, a + 4, 2), digits_at(s, a + 6, 2));
  else if (n1 == 4 || n1 == 1 || n1 == 2) {
    u32 sep = s[p];
    bool_t cn = sep == 0x5e74; /* 年 */
    if (!(cn || sep == 45 || sep == 47 || sep == 46)) return 0;
    i32 m0 = ++p;
    while (p < b && is_digit_c(s[p]) && p - m0 < 2) p++;
    i32 n2 = p - m0;
    if (n2 == 0 || p >= b) return 0;
    u32 sep2 = s[p];
    if (cn ? sep2 != 0x6708 /* 月 */ : sep2 != sep) return 0;
    i32 d0 = ++p;
    while (p < b && is_digit_c(s[p]) && p - d0 < 4) p++;
    i32 n3 = p - d0;
    if (n3 == 0) return 0;
    /* what may follow: 日/号 (Chinese), a time after a space or T (ISO) */
    if (p < b) {
      u32 c = s[p];
      if (cn && (c == 0x65e5 || c == 0x53f7) && p + 1 == b) p = b;
      else if (!cn && n1 == 4 && (c == 32 || c == 84)) p = b;
      if (p != b) return 0;
    }
    i32 x = digits_at(s, a, n1);
    i32 y = digits_at(s, m0, n2);
    i32 z = digits_at(s, d0, n3);
    if (n1 == 4 && n3 <= 2) ok = valid_birth_date(x, y, z);
    else if (n1 <= 2 && n3 == 4 && !cn) ok = valid_birth_date(z, x, y) || valid_birth_date(z, y, x);
  }
  if (!ok) return 0;
  emit(T_date_of_birth, a, b, 0.6, JUR_DEFAULT);
  return 1;
}

/* One coordinate in a lat/lng column (the pair form is found by the token walk). */
static bool_t coordinate(const u16 *s, i32 a, i32 b) {
  i32 p = a;
  if (s[p] == 45 || s[p] == 43) p++;
  i32 i0 = p;
  while (p < b && s[p] >= 48 && s[p] <= 57) p++;
  if (p == i0 || p - i0 > 3 || p >= b || s[p] != 46) return 0;
  p++;
  i32 f0 = p;
  while (p < b && s[p] >= 48 && s[p] <= 57) p++;
  if (p != b) return 0;
  if (p - f0 < P.geo_dec) return 1; /* a coordinate, but not precise: nothing to report */
  if (abs_above(s, a, f0 - 1, b, (E.flags & CTX_LATITUDE) ? 90 : 180)) return 0;
  emit(T_geo_coordinates, a, b, 0.6, JUR_DEFAULT);
  return 1;
}

/* /^[A-Z][0-9]{2}(?:\.?[0-9A-Z]{1,4})?$/ */
static bool_t icd(const u16 *s, i32 a, i32 b) {
  i32 n = b - a;
  if (n < 3 || !is_upper_c(s[a]) || !is_digit_c(s[a + 1]) || !is_digit_c(s[a + 2])) return 0;
  i32 p = a + 3;
  if (p == b) goto ok;
  if (s[p] == 46) p++;
  i32 q = p;
  while (q < b && (is_digit_c(s[q]) || is_upper_c(s[q]))) q++;
  if (q != b || q - p < 1 || q - p > 4) return 0;
ok:
  emit(T_icd10, a, b, 0.6, JUR_DEFAULT);
  return 1;
}

static bool_t is_lower(u32 c) { return c >= 97 && c <= 122; }

/* The one word s[a, b) is written as software is named (my-app, lodash.merge). */
static bool_t software_name(const u16 *s, i32 a, i32 b) {
  bool_t joined = 0;
  for (i32 p = a; p < b; p++) {
    u32 c = s[p];
    if (c >= 65 && c <= 90) return 0;
    if ((c == 45 || c == 46) && p > a && p + 1 < b && is_lower(s[p - 1]) && is_lower(s[p + 1])) joined = 1;
  }
  return joined;
}

/* A part with two or more capitals joined by a hyphen to an all-lower-case word. */
static bool_t brand_hyphen_word(const u16 *s, i32 a, i32 b) {
  for (i32 h = a + 2; h < b - 2; h++) {
    if (s[h] != 45) continue;
    i32 caps = 0;
    i32 p = h - 1;
    for (; p >= a; p--) {
      u32 c = s[p];
      if (c >= 65 && c <= 90) caps++;
      else if (!(c >= 97 && c <= 122)) break;
    }
    if (caps < 2 || p == h - 1) continue;
    i32 q = h + 1;
    while (q < b && s[q] >= 97 && s[q] <= 122) q++;
    u32 c = q < b ? s[q] : 32;
    if (q - h - 1 >= 2 && (c == 32 || c == 45 || c == 46)) return 1;
  }
  return 0;
}

static bool_t person_name(const u16 *s, i32 a, i32 b) {
  if (b - a <= 9 && not_a_name(s, a, b)) return 0;
  u32 c0 = s[a];
  if (is_han(c0)) {
    /* 2–4 Han characters (minority names may use the middle dot) */
    i32 han = 0;
    for (i32 p = a; p < b; p++) {
      u32 c = s[p];
      if (is_han(c)) han++;
      else if (c != 0xb7 && c != 0x2022) return 0;
    }
    if (han < 2 || han > 12) return 0;
    bool_t surname = (HAN[c0] & HAN_SURNAME) || wl_starts_any(table_words(TB_COMPOUND_SURNAMES), s, a, E.to);
    emit(T_person_name, a, b, surname && han <= 4 ? 0.6 : 0.4, JUR_DEFAULT);
    return 1;
  }
  /* Latin script: 1–5 words of letters, apostrophes, hyphens, dots */
  i32 words = 1, letters = 0;
  bool_t hyphens = 0;
  for (i32 p = a; p < b; p++) {
    u32 c = s[p];
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (c == 32) words++;
    else if (c == 45) hyphens = 1;
    else if (c != 39 && c != 46 && c != 44) return 0;
  }
  if (letters < 2 || words > 5) return 0;
  if (hyphens && brand_hyphen_word(s, a, b)) return 0;
  if ((E.flags & CTX_BARE_NAME) && words == 1 && software_name(s, a, b)) return 0;
  emit(T_person_name, a, b, words >= 2 ? 0.5 : 0.3, JUR_DEFAULT);
  return 1;
}

static bool_t address(const u16 *s, i32 a, i32 b) {
  i32 han = 0, markers = 0, digits = 0, letters = 0, spaces = 0;
  for (i32 p = a; p < b; p++) {
    u32 c = s[p];
    if (is_han(c)) {
      han++;
      if (HAN[c] & (HAN_ADMIN | HAN_STREET)) markers++;
    } else if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c == 32) spaces++;
    else if (c == 64) return 0; /* an e-mail, not a postal address */
  }
  if (han >= 4) {
    emit(T_cn_address, a, b, markers >= 2 ? 0.6 : 0.3, JUR_DEFAULT);
    return 1;
  }
  if (letters >= 4 && digits >= 1 && b - a >= 8 && spaces > 0) {
    emit(T_address, a, b, 0.5, JUR_DEFAULT);
    return 1;
  }
  return 0;
}

static bool_t sequence(const u16 *s, i32 a, i32 b) {
  for (i32 p = a; p < b; p++) {
    u32 c = s[p] | 32;
    if (c != 97 && c != 99 && c != 103 && c != 116 && c != 110) return 0;
  }
  return 1;
}

bool_t value_level(const u16 *s, i32 from, i32 to) {
  i32 a = from, b = to;
  while (a < b && is_space(s[a])) a++;
  while (b > a && is_space(s[b - 1])) b--;
  i32 n = b - a;
  if (n == 0 || n > 200) return 0;
  u32 h = E.hints;
  if ((h & PHONE_BITS) && n <= 32 && phone(s, a, b)) return 1;
  if ((h & B_DATE_OF_BIRTH) && n <= 32 && birth_date(s, a, b)) return 1;
  if ((h & B_GEO_COORDINATES) && n <= 24 && coordinate(s, a, b)) return 1;
  if ((h & B_ICD10) && n <= 8 && icd(s, a, b)) return 1;
  if ((h & B_PERSON_NAME) && n <= 60 && person_name(s, a, b)) return 1;
  if ((h & ADDRESS_BITS) && address(s, a, b)) return 1;
  if ((h & B_GENOMIC) && n >= 10 && sequence(s, a, b)) {
    emit(T_genomic, a, b, 0.7, JUR_DEFAULT);
    return 1;
  }
  return 0;
}
