/*
 * Digit chains: a run of digits, chained across single separators (- space . /) into groups
 * that the shape matchers read (IPv4, dates, decimals and coordinate pairs, SSN 3-2-4, mobile
 * 3-4-4, cards 4-4-4-4, phones 3-3-4), and the bare digit groups left over.
 * Ports src/scan/detectors/engine.ts digitChain … nine and the module helpers they use
 * (usccRegionOk, ipv4NoOnes, versionWordBefore, num2, validCal, loadDigits, isTestPan,
 * cardIssuer, inRanges, allZero).
 *
 * Tables (written by src/scan/wasm/wasm-engine.ts): TB_SSN_PUBLIC, TB_SSN_PREFIX,
 * TB_SSN_INVALID_AREAS, TB_ITIN_GROUPS, TB_TEST_PANS, TB_ABA_FIRST, TB_STREET_SUFFIXES,
 * TB_STREET_ABBREVIATIONS, and engine.ts VERSION_WORDS / VERSION_IN_WORDS in TB_VERSION_WORDS /
 * TB_VERSION_IN_WORDS (TB_EXTRA slots, see dc.h).
 */
#include "dc.h"

#define TB_VERSION_WORDS TB_EXTRA3
#define TB_VERSION_IN_WORDS TB_EXTRA4

/* The punctuation skipVersionPunct steps over: space, tab, : = " ' > */
static bool_t version_punct(u32 c) { return c == 32 || c == 9 || c == 58 || c == 61 || c == 34 || c == 39 || c == 62; }

/* The number of entries of a table of `size`-byte entries. */
static i32 entries(u32 id, u32 size) { return (i32)(TBL_BYTES[id] / size); }

/* -------------------------------------------------------------------------------------------
 * Digit chains
 * ----------------------------------------------------------------------------------------- */

i32 digit_chain(i32 i, i32 j) {
  const u16 *s = E.s;
  i32 to = E.to;
  /* "1990年…" : Chinese date */
  if (j - i == 4 && j < to && s[j] == 0x5e74) return cn_date(i, j);
  /* a fraction part or a dotted tail of something before (e.g. v1.2.3) */
  if (i - 1 > E.from) {
    u32 b = s[i - 1];
    if (b == 46 && is_alnum(s[i - 2])) return skip_chain(j);
    if (b == 44 && j - i == 3 && is_digit(s[i - 2])) return skip_chain(j);
  }
  i32 g = 0;
  gS[0] = i;
  gE[0] = j;
  gSep[0] = 0;
  i32 p = j;
  while (g < MAX_GROUPS - 1 && p + 1 < to) {
    u32 sc = s[p];
    if (sc != 32 && sc != 45 && sc != 46 && sc != 47) break;
    if (!is_digit(s[p + 1])) break;
    i32 q = p + 1;
    while (q < to && is_digit(s[q])) q++;
    if (q < to && is_alnum(s[q])) break; /* "12 34ab": not a digit group */
    g++;
    gS[g] = p + 1;
    gE[g] = q;
    gSep[g] = (i32)sc;
    p = q;
  }
  i32 last = g;
  /* one group alone (an order number, an amount's integer part …) has no multi-group shape */
  if (last == 0) {
    bare(i, j, 0, 0);
    return j;
  }
  i32 k = 0;
  i32 end = gE[last];
  while (k <= last) {
    i32 e = groups_at(k, last);
    if (e < 0) {
      bare(gS[k], gE[k], k, last);
      k++;
      continue;
    }
    if (e > gE[last]) end = e;
    while (k <= last && gS[k] < e) k++;
  }
  return end;
}

i32 skip_chain(i32 j) {
  i32 p = j;
  const u16 *s = E.s;
  while (p < E.to && (is_digit(s[p]) || s[p] == 46)) p++;
  return p;
}

/* Try the multi-group shapes at group k. Returns the absolute end consumed, or -1. */
i32 groups_at(i32 k, i32 last) {
  const u16 *s = E.s;
  i32 n = last - k + 1;
  if (n < 2) return -1; /* every shape below has two groups or more */
  i32 L0 = gE[k] - gS[k];
  i32 sep1 = n > 1 ? gSep[k + 1] : 0;
  if (n >= 3 && sep1 == 46 && L0 == 3 && glen(k + 1) == 3 && glen(k + 2) == 4 && gSep[k + 2] == 46 && (n == 3 || gSep[k + 3] != 46)) {
    /* NANP written with dots: 415.555.2671 */
    if (nanp(k, gS[k])) return gE[k + 2];
  }
  if (n >= 2 && sep1 == 46) {
    /* IPv4 */
    if (n >= 4 && gSep[k + 2] == 46 && gSep[k + 3] == 46 && (n == 4 || gSep[k + 4] != 46)) {
      if (ipv4(k)) return gE[k + 3];
    }
    /* decimal: coordinates, or a number to skip */
    if (n == 2 || gSep[k + 2] != 46) return decimal(k);
    /* a dotted date, Y.M.D or D.M.Y (1990.03.07, 07.03.1990), three groups and no fourth */
    if (n == 3 || gSep[k + 3] != 46) {
      i32 L1 = glen(k + 1);
      i32 L2 = glen(k + 2);
      /* an SSN / ITIN written with dots (078.05.1123): only with SSN context */
      if (L0 == 3 && L1 == 2 && L2 == 4 && ssn_itin(gS[k], gE[k + 2], 0.4)) return gE[k + 2];
      if (L1 <= 2 && ((L0 == 4 && L2 <= 2) || (L0 <= 2 && L2 == 4))) {
        i32 e = date(k, L0, L2);
        if (e > 0) return e;
      }
    }
    return gE[k + 1];
  }
  if (n >= 3 && sep1 == gSep[k + 2] && sep1 != 32) {
    /* dates Y-M-D, D/M/Y, M/D/Y (also with '.') */
    i32 L1 = gE[k + 1] - gS[k + 1];
    i32 L2 = gE[k + 2] - gS[k + 2];
    if (L1 <= 2 && ((L0 == 4 && L2 <= 2) || (L0 <= 2 && L2 == 4))) {
      i32 e = date(k, L0, L2);
      if (e > 0) return e;
    }
  }
  if (n >= 2 && sep1 == 47) return -1;
  /* SSN / ITIN 3-2-4 */
  if (n >= 3 && L0 == 3 && (sep1 == 45 || sep1 == 32) && gSep[k + 2] == sep1 && glen(k + 1) == 2 && glen(k + 2) == 4) {
    if (n == 3 || gSep[k + 3] != sep1 || glen(k + 3) > 4) {
      if (ssn_itin(gS[k], gE[k + 2], sep1 == 45 ? 0.85 : 0.65)) return gE[k + 2];
    }
  }
  /* +86 / 0086 / 86 prefix then mobile 3-4-4 or 11 digits */
  if (n >= 2 && (sep1 == 32 || sep1 == 45)) {
    i32 a = gS[k];
    bool_t is_cc = (L0 == 2 && num2(s, a) == 86) || (L0 == 4 && s[a] == 48 && s[a + 1] == 48 && s[a + 2] == 56 && s[a + 3] == 54);
    if (is_cc) {
      i32 e = mobile_groups(k + 1, last, gS[k]);
      if (e > 0) return e;
    }
  }
  /* mainland mobile 3-4-4 */
  if (n >= 3 && L0 == 3) {
    i32 e = mobile_groups(k, last, gS[k]);
    if (e > 0) return e;
  }
  /* NANP 3-3-4 (optionally 1-3-3-4) */
  if (n >= 3 && (sep1 == 45 || sep1 == 46 || sep1 == 32)) {
    if (L0 == 1 && n >= 4 && s[gS[k]] == 49 && glen(k + 1) == 3 && glen(k + 2) == 3 && glen(k + 3) == 4 && gSep[k + 2] == gSep[k + 3]) {
      if (nanp(k + 1, gS[k])) return gE[k + 3];
    }
    if (L0 == 3 && glen(k + 1) == 3 && glen(k + 2) == 4 && gSep[k + 2] == sep1) {
      if (nanp(k, gS[k])) return gE[k + 2];
    }
  }
  /* mainland landline 0AA(A)-NNNNNNN(N) */
  if (n >= 2 && sep1 == 45 && (L0 == 3 || L0 == 4) && s[gS[k]] == 48) {
    i32 L1 = glen(k + 1);
    i32 d = load_digits(s, gS[k], gE[k + 1]);
    if (d == L0 + L1 && cn_landline_valid(dig, 0, L0, L1)) {
      emit(T_phone, gS[k], gE[k + 1], 0.75, JUR('C', 'N'));
      return gE[k + 1];
    }
  }
  /* IMEI as printed on devices: AA-BBBBBB-CCCCCC-D (TAC 2+6, serial 6, Luhn digit), or the
   * 14 digits without the check digit; with IMEI context only (cards and phones share shapes) */
  if (n >= 3 && L0 == 2 && (sep1 == 45 || sep1 == 32) && glen(k + 1) == 6 && glen(k + 2) == 6 && gSep[k + 2] == sep1) {
    bool_t with_check = n >= 4 && gSep[k + 3] == sep1 && glen(k + 3) == 1;
    i32 last4 = with_check ? k + 3 : k + 2;
    if ((last4 == last || gSep[last4 + 1] != sep1) && has_context(T_imei, gS[k])) {
      if (!with_check || luhn_valid(s, gS[k], gE[last4])) {
        emit(T_imei, gS[k], gE[last4], 0.4, JUR_DEFAULT);
        return gE[last4];
      }
    }
  }
  /* payment cards in groups: 4-4-4-4(-3), 4-6-5, 4-4-4-2.. */
  if (n >= 3 && L0 == 4 && (sep1 == 32 || sep1 == 45)) {
    i32 m = k + 1;
    i32 total = 4;
    while (m <= last && gSep[m] == sep1 && total < 19) {
      total += glen(m);
      m++;
      if (total >= 12 && card_groups(k, m - 1, total)) return gE[m - 1];
    }
    /* a whole chain of 16–19 digits from 62 that fails Luhn: an older UnionPay debit card,
     * with bank-card context only (as for the bare form in card()) */
    if (P.unionpay_loose && total >= 16 && total <= 19 && (m > last || gSep[m] != sep1) && s[gS[k]] == 54 && s[gS[k] + 1] == 50) {
      bool_t inner = 1;
      for (i32 g = k + 1; g < m - 1; g++)
        if (glen(g) < 4 || glen(g) > 6) inner = 0;
      if (inner && has_context(T_payment_card, gS[k])) {
        emit(T_payment_card, gS[k], gE[m - 1], 0.35, JUR_DEFAULT);
        return gE[m - 1];
      }
    }
  }
  return -1;
}

bool_t card_groups(i32 k, i32 m, i32 total) {
  /* every inner group has 4–6 digits, the last 1–6 */
  for (i32 g = k + 1; g < m; g++)
    if (glen(g) < 4 || glen(g) > 6) return 0;
  if (total < 12 || total > 19) return 0;
  i32 a = gS[k];
  i32 b = gE[m];
  /* the digits once, then Luhn and the issuer over them */
  i32 n = load_digits(E.s, a, b);
  if (!luhn_digits(dig, n)) return 0;
  if (!card_issuer(dig, total)) return 0;
  /* a published test number is nobody's card: consumed, not reported */
  if (is_test_pan(dig, n)) return 1;
  emit(T_payment_card, a, b, 0.9, JUR_DEFAULT);
  return 1;
}

i32 mobile_groups(i32 k, i32 last, i32 span_start) {
  const u16 *s = E.s;
  if (k > last) return -1;
  /* (gSep[k + 1] is read only when k + 2 <= last below) */
  if (glen(k) == 11) {
    load_digits(s, gS[k], gE[k]);
    i32 tier = cn_mobile_tier(dig, 0);
    if (tier > 0 && span_start != gS[k]) {
      emit(T_cn_mobile, span_start, gE[k], 0.95, JUR_DEFAULT);
      return gE[k];
    }
    return -1;
  }
  if (k + 2 > last || glen(k) != 3 || glen(k + 1) != 4 || glen(k + 2) != 4) return -1;
  i32 sep = gSep[k + 1];
  if (sep != 32 && sep != 45) return -1;
  if (gSep[k + 2] != sep) return -1;
  if (k + 3 <= last && gSep[k + 3] == sep && glen(k + 3) <= 4) return -1;
  load_digits(s, gS[k], gE[k + 2]);
  i32 tier = cn_mobile_tier(dig, 0);
  if (tier == 0) return -1;
  emit(T_cn_mobile, span_start, gE[k + 2], span_start != gS[k] ? 0.95 : tier == 2 ? 0.85 : 0.6, JUR_DEFAULT);
  return gE[k + 2];
}

bool_t nanp(i32 k, i32 span_start) {
  i32 n = load_digits(E.s, gS[k], gE[k + 2]);
  if (n != 10 || !nanp_valid(dig, 0)) return 0;
  i32 sep = gSep[k + 1];
  emit(T_phone, span_start, gE[k + 2], sep == 32 ? 0.6 : 0.75, nanp_country(dig, 0));
  return 1;
}

bool_t ipv4(i32 k) {
  const u16 *s = E.s;
  for (i32 g = k; g < k + 4; g++) {
    i32 L = glen(g);
    if (L > 3) return 0;
    if (L > 1 && s[gS[g]] == 48) return 0;
    i32 v = 0;
    for (i32 q = gS[g]; q < gE[g]; q++) v = v * 10 + ((i32)s[q] - 48);
    if (v > 255) return 0;
  }
  i32 a = gS[k];
  i32 b = gE[k + 3];
  if (b < E.to && s[b] == 46 && b + 1 < E.to && is_digit(s[b + 1])) return 0;
  /* "v1.2.3.4" / a version column is a version, not an address */
  u32 before = a > E.from ? s[a - 1] : 0;
  if (before == 118 || before == 86 || (E.flags & CTX_VERSION)) return 0;
  /* … and so is one a version word names ("version 2.4.41.1", <version>4.8.1.1</version>,
   * "fixed in 2.12.6.1"): consumed, not reported */
  if (version_word_before(s, E.from, a)) return 1;
  /* loopback, unspecified, broadcast and documentation addresses: consumed, not reported */
  if (ipv4_no_ones(num(s, a, glen(k)), num(s, gS[k + 1], glen(k + 1)), num(s, gS[k + 2], glen(k + 2)), num(s, gS[k + 3], glen(k + 3)))) return 1;
  emit(T_ip_address, a, b, 0.85, JUR_DEFAULT);
  return 1;
}

/* A decimal at group k (integer part k, fraction k+1): coordinate pair or skip. */
i32 decimal(i32 k) {
  const u16 *s = E.s;
  i32 int_s = gS[k];
  i32 frac_e = gE[k + 1];
  i32 end1 = frac_e;
  i32 decs1 = glen(k + 1);
  i32 start = int_s;
  if (int_s > E.from && s[int_s - 1] == 45) start = int_s - 1;
  if (decs1 < P.geo_dec || glen(k) > 3) return end1;
  /* second number: [,; ]{1,2} then optional '-' then d+.d+ */
  i32 p = end1;
  i32 seps = 0;
  while (p < E.to && seps < 3) {
    u32 c = s[p];
    if (c == 44 || c == 59 || c == 32 || c == 0xff0c) {
      p++;
      seps++;
    } else break;
  }
  if (seps == 0) return end1;
  i32 start2 = p;
  if (p < E.to && s[p] == 45) p++;
  i32 i2 = p;
  while (p < E.to && is_digit(s[p])) p++;
  if (p == i2 || p - i2 > 3 || p >= E.to || s[p] != 46) return end1;
  p++;
  i32 f2 = p;
  while (p < E.to && is_digit(s[p])) p++;
  if (p - f2 < P.geo_dec) return end1;
  if (p < E.to && (is_alnum(s[p]) || s[p] == 46)) return end1;
  /* |lat| > 90 or |lng| > 180: not a pair; 0,0 (a placeholder) is consumed unreported */
  if (abs_above(s, start, gE[k], end1, 90) || abs_above(s, start2, f2 - 1, p, 180)) return end1;
  if (is_zero_decimal(s, start, end1) && is_zero_decimal(s, start2, p)) return p;
  /* two fractions of one (latency=0.001234, 0.000567; ratios, load figures) are within a degree
   * of 0,0, open sea: a measurement, unless the text says it is a position */
  if (glen(k) == 1 && s[int_s] == 48 && f2 - 1 - i2 == 1 && s[i2] == 48 && !has_context(T_geo_coordinates, start)) return p;
  emit(T_geo_coordinates, start, p, 0.8, JUR_DEFAULT);
  return p;
}

/* Y-M-D / D-M-Y / M-D-Y: consumed whatever it is; reported only in a birth context. */
i32 date(i32 k, i32 L0, i32 L2) {
  const u16 *s = E.s;
  i32 a = num(s, gS[k], L0);
  i32 b = num(s, gS[k + 1], glen(k + 1));
  i32 c = num(s, gS[k + 2], L2);
  bool_t ok;
  if (L0 == 4) ok = valid_birth_date(a, b, c) || valid_cal(a, b, c);
  else ok = valid_cal(c, b, a) || valid_cal(c, a, b);
  if (!ok) return -1;
  i32 end = gE[k + 2];
  i32 y = L0 == 4 ? a : c;
  bool_t birth_ok = L0 == 4 ? valid_birth_date(a, b, c) : valid_birth_date(c, b, a) || valid_birth_date(c, a, b);
  if (birth_ok && y >= 1900 && has_context(T_date_of_birth, gS[k])) emit(T_date_of_birth, gS[k], end, 0.75, JUR_DEFAULT);
  return end;
}

i32 cn_date(i32 i, i32 j) {
  /* YYYY年M月D日 */
  const u16 *s = E.s;
  i32 p = j + 1;
  i32 m0 = p;
  while (p < E.to && is_digit(s[p]) && p - m0 < 2) p++;
  if (p == m0 || s[p] != 0x6708) return j + 1;
  i32 month = num(s, m0, p - m0);
  p++;
  i32 d0 = p;
  while (p < E.to && is_digit(s[p]) && p - d0 < 2) p++;
  if (p == d0) return p;
  i32 day = num(s, d0, p - d0);
  if (p < E.to && (s[p] == 0x65e5 || s[p] == 0x53f7)) p++;
  i32 year = num(s, i, 4);
  if (valid_birth_date(year, month, day) && has_context(T_date_of_birth, i)) emit(T_date_of_birth, i, p, 0.75, JUR_DEFAULT);
  return p;
}

bool_t ssn_itin(i32 a, i32 b, f64 base) {
  i32 n = load_digits(E.s, a, b);
  if (n != 9) return 0;
  return ssn_itin_digits(a, b, base);
}

/* engine.ts SSN_PUBLIC.has(whole): a sorted f64 table. */
static bool_t ssn_public_has(f64 whole) {
  const f64 *t = (const f64 *)TBL[TB_SSN_PUBLIC];
  i32 lo = 0, hi = entries(TB_SSN_PUBLIC, 8);
  while (lo < hi) {
    i32 mid = (lo + hi) >> 1;
    if (t[mid] < whole) lo = mid + 1;
    else hi = mid;
  }
  return lo < entries(TB_SSN_PUBLIC, 8) && t[lo] == whole;
}

/* dig[0..9) loaded. */
bool_t ssn_itin_digits(i32 a, i32 b, f64 base) {
  i32 area = dig[0] * 100 + dig[1] * 10 + dig[2];
  i32 group = dig[3] * 10 + dig[4];
  i32 serial = dig[5] * 1000 + dig[6] * 100 + dig[7] * 10 + dig[8];
  if (group == 0 || serial == 0) return 0;
  /* published samples and placeholders (one digit nine times) are no one's, in either area */
  f64 whole = (f64)area * 1e6 + (f64)group * 1e4 + (f64)serial;
  if (ssn_public_has(whole)) return 0;
  const f64 *prefix = (const f64 *)TBL[TB_SSN_PREFIX];
  i32 n_prefix = entries(TB_SSN_PREFIX, 16);
  for (i32 k = 0; k < n_prefix; k++)
    if (__builtin_floor(whole / prefix[2 * k + 1]) == prefix[2 * k]) return 0;
  bool_t same = 1;
  for (i32 k = 1; k < 9; k++)
    if (dig[k] != dig[0]) same = 0;
  if (same) return 0;
  if (dig[0] == 9) {
    if (!in_ranges((const i32 *)TBL[TB_ITIN_GROUPS], entries(TB_ITIN_GROUPS, 8), group)) return 0;
    emit(T_us_itin, a, b, base, JUR_DEFAULT);
    return 1;
  }
  if (in_ranges((const i32 *)TBL[TB_SSN_INVALID_AREAS], entries(TB_SSN_INVALID_AREAS, 8), area)) return 0;
  emit(T_us_ssn, a, b, base, JUR_DEFAULT);
  return 1;
}

/* One digit group with nothing around it that made a shape. */
void bare(i32 a, i32 b, i32 k, i32 last) {
  const u16 *s = E.s;
  i32 L = b - a;
  if (L <= 6) {
    if (k == last && b < E.to && s[b] == 32) street(a, b);
    return;
  }
  if (L < 8 || L > 19) return;
  /* a part of a longer grouped number (e.g. "1234 5678 9012 3456 7" not a card) is still
   * scanned on its own; a fraction part is not */
  if (k > 0 && gSep[k] == 46) return;
  if (k < last && gSep[k + 1] == 46) return;
  switch (L) {
    case 18:
      if (cn_id18_valid(s, a)) emit(T_cn_resident_id, a, b, 0.97, JUR_DEFAULT);
      else if (uscc_valid(s, a) && uscc_region_ok(s, a)) emit(T_cn_uscc, a, b, 0.8, JUR_DEFAULT);
      else if (!(valid_province(s, a) && valid_birth_date(num(s, a + 6, 4), num(s, a + 10, 2), num(s, a + 12, 2))) || has_context(T_payment_card, a)) card(a, b, L);
      return;
    case 15: {
      bool_t id = cn_id15_valid(s, a);
      bool_t luhn = luhn_valid(s, a, b);
      u32 ctx = E.hints;
      bool_t id_context = id && ((ctx & TYPE_BIT(T_cn_resident_id)) || has_context(T_cn_resident_id, a));
      if (!id_context && luhn && s[a] == 51 && (s[a + 1] == 52 || s[a + 1] == 55)) {
        card(a, b, L);
        return;
      }
      if (id && (!luhn || id_context)) emit(T_cn_resident_id, a, b, 0.6, JUR_DEFAULT);
      else if (luhn) emit(T_imei, a, b, 0.55, JUR_DEFAULT);
      return;
    }
    case 11: {
      load_digits(s, a, b);
      i32 tier = cn_mobile_tier(dig, 0);
      if (tier > 0) emit(T_cn_mobile, a, b, tier == 2 ? 0.8 : 0.55, JUR_DEFAULT);
      return;
    }
    case 12:
      /* twelve bare digits are hex too: a MAC with MAC context, else a card */
      if (!mac_bare(a, b)) card(a, b, L);
      return;
    case 13:
      /* 86 + mobile */
      if (s[a] == 56 && s[a + 1] == 54) {
        load_digits(s, a + 2, b);
        i32 tier = cn_mobile_tier(dig, 0);
        if (tier > 0) {
          emit(T_cn_mobile, a, b, tier == 2 ? 0.75 : 0.5, JUR_DEFAULT);
          return;
        }
      }
      card(a, b, L);
      return;
    case 10: {
      load_digits(s, a, b);
      if (nanp_valid(dig, 0)) emit(T_phone, a, b, 0.4, nanp_country(dig, 0));
      return;
    }
    case 9:
      nine(a, b);
      return;
    case 8:
      if (valid_birth_date(num(s, a, 4), num(s, a + 4, 2), num(s, a + 6, 2)) && has_context(T_date_of_birth, a)) emit(T_date_of_birth, a, b, 0.75, JUR_DEFAULT);
      return;
    case 14:
      if (has_context(T_imei, a)) emit(T_imei, a, b, 0.4, JUR_DEFAULT);
      else card(a, b, L);
      return;
    default:
      card(a, b, L);
  }
}

/*
 * A house number followed by up to four capitalised words, the last a street suffix
 * (USPS Publication 28 names and abbreviations): "221 Baker Street", "12 N Oak Ave.".
 */
void street(i32 a, i32 b) {
  const u16 *s = E.s;
  i32 to = E.to;
  i32 p = b + 1;
  i32 words = 0;
  while (words < 5 && p < to) {
    u32 c = s[p];
    i32 q = p + 1;
    if (c >= 65 && c <= 90) {
      /* a capitalised word; O'Connell, Smith-Jones */
      while (q < to) {
        u32 d = s[q];
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || ((d == 39 || d == 45) && q + 1 < to && is_alnum(s[q + 1]))) q++;
        else break;
      }
    } else if (is_digit(c)) {
      /* an ordinal: 1st 2nd 3rd 12th */
      while (q < to && is_digit(s[q]) && q - p < 4) q++;
      /* (past the value TS reads NaN | 32 = 32, and this 0 | 32 = 32) */
      u32 s1 = s[q] | 32;
      u32 s2 = s[q + 1] | 32;
      bool_t ord = (s1 == 115 && s2 == 116) || (s1 == 110 && s2 == 100) || (s1 == 114 && s2 == 100) || (s1 == 116 && s2 == 104);
      if (!ord) return;
      q += 2;
    } else return;
    if (q < to && is_alnum(s[q])) return;
    if (words >= 1 && q - p >= 2 && q - p <= 12 && wl_has(table_words(TB_STREET_SUFFIXES), s, p, q - p)) {
      i32 end = q;
      /* "Ave." keeps its period; the full stop after "Street." is the sentence's */
      if (end < to && s[end] == 46 && wl_has(table_words(TB_STREET_ABBREVIATIONS), s, p, q - p)) end++;
      emit(T_address, a, end, 0.7, JUR_DEFAULT);
      return;
    }
    words++;
    if (q >= to || s[q] != 32) {
      if (q < to && s[q] == 46 && q - p <= 2 && q + 1 < to && s[q + 1] == 32) q++; /* "N. Oak" */
      else return;
    }
    p = q + 1;
  }
}

/* L bare digits s[a, b) (a digit group, nothing else). */
void card(i32 a, i32 b, i32 L) {
  if (L < 12 || L > 19) return;
  load_digits(E.s, a, b);
  if (!card_issuer(dig, L)) return;
  if (luhn_digits(dig, L)) {
    if (!is_test_pan(dig, L)) emit(T_payment_card, a, b, L >= 15 ? 0.85 : 0.7, JUR_DEFAULT);
    return;
  }
  if (P.unionpay_loose && L >= 16 && dig[0] == 6 && dig[1] == 2 && has_context(T_payment_card, a)) emit(T_payment_card, a, b, 0.35, JUR_DEFAULT);
}

/* Nine bare digits: SSN, ITIN, ABA routing or US passport, decided by context. */
void nine(i32 a, i32 b) {
  u32 ctx = E.hints;
  load_digits(E.s, a, b);
  const u8 *aba_first = (const u8 *)TBL[TB_ABA_FIRST];
  /* dig[0..9) is loaded: a listed first digit, not the all-zero placeholder, the 3-7-1 checksum */
  if (aba_first[dig[0]] == 1 && !all_zero(dig, 9) && aba_valid(E.s, a) && has_context(T_aba_routing, a)) {
    emit(T_aba_routing, a, b, 0.6, JUR_DEFAULT);
    return;
  }
  if (ctx & TYPE_BIT(T_aba_routing)) return;
  if ((ctx & (TYPE_BIT(T_us_passport) | TYPE_BIT(T_cn_passport))) || has_context(T_us_passport, a)) {
    emit(T_us_passport, a, b, 0.3, JUR_DEFAULT);
    return;
  }
  if (ssn_itin_digits(a, b, 0.4)) return;
}

/* -------------------------------------------------------------------------------------------
 * Module helpers (engine.ts)
 * ----------------------------------------------------------------------------------------- */

/* Whether x is in one of the inclusive [lo, hi] ranges (n_pairs pairs of i32). */
bool_t in_ranges(const i32 *pairs, i32 n_pairs, i32 v) {
  for (i32 k = 0; k < n_pairs; k++)
    if (v >= pairs[2 * k] && v <= pairs[2 * k + 1]) return 1;
  return 0;
}

/* Whether the IPv4 address o1.o2.o3.o4 is every host's or no one's: loopback (127.0.0.0/8),
 * unspecified (0.0.0.0), broadcast (255.255.255.255), or reserved for documentation (RFC 5737:
 * 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24). */
bool_t ipv4_no_ones(i32 o1, i32 o2, i32 o3, i32 o4) {
  if (o1 == 127) return 1;
  if (o1 == 0 && o2 == 0 && o3 == 0 && o4 == 0) return 1;
  if (o1 == 255 && o2 == 255 && o3 == 255 && o4 == 255) return 1;
  return (o1 == 192 && o2 == 0 && o3 == 2) || (o1 == 198 && o2 == 51 && o3 == 100) || (o1 == 203 && o2 == 0 && o3 == 113);
}

static i32 skip_version_punct(const u16 *s, i32 from, i32 a) {
  i32 p = a;
  while (p > from && a - p < 4) {
    if (version_punct(s[p - 1])) p--;
    else break;
  }
  return p;
}

/* Whether a version word ends right before s[a] (after at most four of space, tab, : = " ' > ,
 * as in `version: `, `"version": "`, `<version>`), or "fixed in" / "introduced in" does. */
bool_t version_word_before(const u16 *s, i32 from, i32 a) {
  i32 p = skip_version_punct(s, from, a);
  i32 w = word_before(s, from, p);
  if (w < 0) return 0;
  if (wl_has_lower(table_words(TB_VERSION_WORDS), s, w, p - w)) return 1;
  if (p - w == 2 && (s[w] | 32) == 105 && (s[w + 1] | 32) == 110) {
    i32 q = skip_version_punct(s, from, w);
    if (q == w) return 0;
    i32 v = word_before(s, from, q);
    return v >= 0 && wl_has_lower(table_words(TB_VERSION_IN_WORDS), s, v, q - v);
  }
  return 0;
}

/* Whether the first n values of d are all 0. */
bool_t all_zero(const i8 *d, i32 n) {
  for (i32 k = 0; k < n; k++)
    if (d[k] != 0) return 0;
  return 1;
}

/* USCC positions 3–8 are a GB/T 2260 division code: a province, or 10 for national registrations. */
bool_t uscc_region_ok(const u16 *s, i32 at) {
  u32 c1 = s[at + 2];
  u32 c2 = s[at + 3];
  if (c1 < 48 || c1 > 57 || c2 < 48 || c2 > 57) return 0;
  return (c1 == 49 && c2 == 48) || valid_province(s, at + 2);
}

i32 num2(const u16 *s, i32 at) { return ((i32)s[at] - 48) * 10 + ((i32)s[at + 1] - 48); }

bool_t valid_cal(i32 y, i32 m, i32 d) { return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m); }

/* Digits in s[a, b) into `dig` (separators skipped); returns how many (≤ 32). */
i32 load_digits(const u16 *s, i32 a, i32 b) {
  i32 n = 0;
  for (i32 p = a; p < b && n < 32; p++) {
    i32 d = (i32)s[p] - 48;
    if (d >= 0 && d <= 9) dig[n++] = (i8)d;
  }
  return n;
}

/* Whether the n card digits in d are a published test number (TEST_CARD_NUMBERS). engine.ts
 * keys its list by the value of the first min(n, 15) digits and compares the rest: for
 * numbers of digits, that is a list entry of n digits equal to d. */
bool_t is_test_pan(const i8 *d, i32 n) {
  const WordList *w = table_words(TB_TEST_PANS);
  for (i32 i = 0; i < w->count; i++) {
    if (w->len[i] != n) continue;
    const u16 *pan = w->units + w->off[i];
    i32 k = 0;
    while (k < n && (i32)pan[k] - 48 == d[k]) k++;
    if (k == n) return 1;
  }
  return 0;
}

/* Issuer (IIN) ranges and lengths: Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners, Maestro. */
bool_t card_issuer(const i8 *d, i32 L) {
  i32 d0 = d[0];
  i32 two = d0 * 10 + d[1];
  i32 four = two * 100 + d[2] * 10 + d[3];
  if (d0 == 4) return L == 13 || L == 16 || L == 19;
  if (two >= 51 && two <= 55) return L == 16;
  if (four >= 2221 && four <= 2720) return L == 16;
  if (two == 34 || two == 37) return L == 15;
  if (two == 62 || two == 81) return L >= 16 && L <= 19; /* UnionPay */
  if (four == 6011 || two == 65 || (four >= 6440 && four <= 6499)) return L >= 16 && L <= 19;
  if (four >= 3528 && four <= 3589) return L >= 16 && L <= 19; /* JCB */
  if (two == 36 || two == 38 || two == 39 || (four >= 3000 && four <= 3059)) return L >= 14 && L <= 19; /* Diners */
  if (two == 50 || (two >= 56 && two <= 69)) return L >= 12 && L <= 19; /* Maestro */
  return 0;
}
