/*
 * Letters, mixed tokens and the punctuation-triggered detectors: ports engine.ts word,
 * nameAfterKeyword, mixed, hkid, passport, icd10, iban, mac, macCisco, macBare, uuid,
 * email, ipv6, plus, paren and genomicLine, with the module helpers they use (isNamePrefix,
 * isTitle, isOneOf, isOneOfLower, wordBefore, hexRun, isNilUuid, colonsIn, digitLabels,
 * bitCount, isOpenParen, isCloseParen, ipv6Documentation, ipv4EmbeddedNoOnes, validIpv6).
 *
 * Word lists come from engine.ts ENGINE_TABLES (the loader writes them): NAME_PREFIXES,
 * HONORIFICS, TITLES and PERSON_NAME_OWNERS in their own tables, GENERIC_ADDRESSEES in
 * TB_EXTRA0 and CONJUNCTIONS in TB_EXTRA1.
 */
#include "dc.h"

#define TB_GENERIC_ADDRESSEES TB_EXTRA0
#define TB_CONJUNCTIONS TB_EXTRA1

#define GENOMIC_MIN (P.genomic_min)

static bool_t is_lower_cc(u32 c) { return c >= 97 && c <= 122; } /* isLowerC */

/* --- small helpers ------------------------------------------------------------------------ */

/* isOneOf: the len characters at s[i] are exactly one of `words`. */
static bool_t is_one_of(const u16 *s, i32 i, i32 len, u32 table) { return wl_has(table_words(table), s, i, len); }

/* isOneOfLower: the len characters at s[i], ASCII letters lowered, are one of the lower-case
 * words (TS lowers with `| 32`; for words of lower-case letters that is wl_has_lower). */
static bool_t is_one_of_lower(const u16 *s, i32 i, i32 len, u32 table) { return wl_has_lower(table_words(table), s, i, len); }

/* isTitle */
static bool_t is_title(const u16 *s, i32 i, i32 len) { return is_one_of(s, i, len, TB_TITLES); }

/* isNamePrefix: s[p, q) is one of NAME_PREFIXES. */
static bool_t is_name_prefix(const u16 *s, i32 p, i32 q) {
  i32 n = q - p;
  return n >= 2 && n <= 3 && is_one_of(s, p, n, TB_NAME_PREFIXES);
}

/* hexRun: the case bits (UPPER, LOWER) of the letters of s[a, b) when all are hex digits, else -1. */
i32 hex_run(const u16 *s, i32 a, i32 b) {
  u32 cases = 0;
  for (i32 k = a; k < b; k++) {
    u32 c = s[k];
    u32 cl = c < 128 ? CLS[c] : 0;
    if ((cl & C_HEX) == 0) return -1;
    cases |= cl;
  }
  return (i32)(cases & (C_UPPER | C_LOWER));
}

/* isNilUuid: the 36-character UUID at s[i] is the nil UUID (all 32 hex digits 0). */
static bool_t is_nil_uuid(const u16 *s, i32 i) {
  for (i32 k = i; k < i + 36; k++) {
    u32 c = s[k];
    if (c != 48 && c != 45) return 0;
  }
  return 1;
}

/* colonsIn: the colons in s[a, b); 8 (as many as an address has) when two of them touch. */
static i32 colons_in(const u16 *s, i32 a, i32 b) {
  i32 n = 0;
  for (i32 k = a; k < b; k++) {
    if (s[k] != 58) continue;
    if (k > a && s[k - 1] == 58) return 8;
    n++;
  }
  return n;
}

/* wordBefore: the start of the run of ASCII letters that ends at p, or -1 when none does or it
 * is longer than 12. */
i32 word_before(const u16 *s, i32 from, i32 p) {
  i32 w = p;
  while (w > from && p - w <= 12) {
    u32 c = s[w - 1] | 32u;
    if (c >= 97 && c <= 122) w--;
    else break;
  }
  return w == p || p - w > 12 ? -1 : w;
}

/* digitLabels: how many dot-separated labels at the start of the domain s[a, b) are all
 * digits (stops at the first that is not). */
static i32 digit_labels(const u16 *s, i32 a, i32 b) {
  i32 n = 0;
  i32 p = a;
  while (p < b) {
    i32 q = p;
    while (p < b && is_digit(s[p])) p++;
    if (p == q || (p < b && s[p] != 46)) return n;
    n++;
    p++;
  }
  return n;
}

static i32 bit_count(u32 x) {
  i32 n = 0;
  for (u32 v = x; v; v &= v - 1) n++;
  return n;
}

/* ( or the full-width （ */
bool_t is_open_paren(u32 c) { return c == 40 || c == 0xff08; }
/* ) or the full-width ） */
bool_t is_close_paren(u32 c) { return c == 41 || c == 0xff09; }

/* ipv6Documentation: the IPv6 address s[a, b) is under 2001:db8::/32. */
static bool_t ipv6_documentation(const u16 *s, i32 a, i32 b) {
  if (b - a < 9 || !(s[a] == 50 && s[a + 1] == 48 && s[a + 2] == 48 && s[a + 3] == 49 && s[a + 4] == 58)) return 0;
  i32 p = a + 5;
  i32 v = 0;
  while (p < b && p - a < 9 && is_hexc(s[p])) {
    u32 c = s[p++] | 32u;
    v = v * 16 + (i32)(c <= 57 ? c - 48 : c - 87);
  }
  return v == 0xdb8 && p - a >= 8 && (p == b || s[p] == 58);
}

/* The eight 16-bit groups of an IPv6 address, filled by ipv4_embedded_no_ones. */
static i32 v6_groups[8];

/* ipv4EmbeddedNoOnes: the valid IPv6 address s[a, b) carries an IPv4 address that ipv4NoOnes
 * accepts, in its IPv4-mapped (::ffff:0:0/96) or IPv4-compatible (::/96) form, dotted or hex. */
static bool_t ipv4_embedded_no_ones(const u16 *s, i32 a, i32 b) {
  /* groups before '::' from the front, the rest collected and then moved to the back */
  i32 n = 0;
  i32 gap = -1;
  i32 p = a;
  while (p < b && n < 8) {
    if (s[p] == 58) {
      if (p + 1 < b && s[p + 1] == 58) {
        gap = n;
        p += 2;
      } else p++;
      continue;
    }
    i32 q = p;
    i32 v = 0;
    while (q < b && is_hexc(s[q])) {
      u32 c = s[q++] | 32u;
      v = v * 16 + (i32)(c <= 57 ? c - 48 : c - 87); /* (Int32Array wraps as i32 does) */
    }
    if (q < b && s[q] == 46) {
      /* the embedded IPv4 ends the address: four decimal octets, already checked by validIpv6 */
      if (n > 6) return 0;
      i64 v4 = 0;
      i64 d = 0;
      for (i32 k = p; k <= b; k++) {
        if (k == b || s[k] == 46) {
          v4 = v4 * 256 + d;
          d = 0;
        } else d = d * 10 + ((i32)s[k] - 48);
      }
      v6_groups[n++] = (i32)(v4 / 65536);
      v6_groups[n++] = (i32)(v4 % 65536);
      break;
    }
    v6_groups[n++] = v;
    p = q;
  }
  /* expand '::' to the zero groups it stands for */
  if (gap >= 0) {
    i32 tail = n - gap;
    for (i32 k = tail - 1; k >= 0; k--) v6_groups[8 - tail + k] = v6_groups[gap + k];
    for (i32 k = gap; k < 8 - tail; k++) v6_groups[k] = 0;
  } else if (n != 8) return 0;
  for (i32 k = 0; k < 5; k++)
    if (v6_groups[k] != 0) return 0;
  if (v6_groups[5] != 0xffff && v6_groups[5] != 0) return 0;
  i32 hi = v6_groups[6];
  i32 lo = v6_groups[7];
  /* ::0.0.0.0 and ::0.0.0.1 are the unspecified and loopback addresses (:: and ::1) written dotted */
  if (v6_groups[5] == 0 && hi == 0 && lo <= 1) return 1;
  return ipv4_no_ones(hi >> 8, hi & 255, lo >> 8, lo & 255);
}

/* /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/ over s[a, b) */
static bool_t octet_ok(const u16 *s, i32 a, i32 b) {
  i32 n = b - a;
  for (i32 k = a; k < b; k++)
    if (!is_digit(s[k])) return 0;
  if (n == 1) return 1;
  if (n == 2) return s[a] != 48;
  if (n != 3) return 0;
  u32 c0 = s[a], c1 = s[a + 1], c2 = s[a + 2];
  if (c0 == 49) return 1;
  if (c0 != 50) return 0;
  if (c1 <= 52) return 1;
  return c1 == 53 && c2 <= 53;
}

/* validIpv6: RFC 4291 text form: ≤ 8 groups of 1–4 hex, at most one '::', optional trailing IPv4. */
static bool_t valid_ipv6(const u16 *s, i32 a, i32 b) {
  if (b - a < 3) return 0;
  i32 groups = 0;
  bool_t dbl = 0;
  i32 p = a;
  if (s[p] == 58) {
    if (s[p + 1] != 58) return 0;
    dbl = 1;
    p += 2;
    if (p == b) return 0; /* "::" alone */
  }
  while (p < b) {
    i32 q = p;
    while (q < b && is_hexc(s[q])) q++;
    if (q < b && s[q] == 46) {
      /* embedded IPv4 as the last 32 bits: s.slice(p, b).split('.') is four octets */
      i32 parts = 0;
      i32 st = p;
      for (i32 k = p; k <= b; k++) {
        if (k == b || s[k] == 46) {
          if (++parts > 4 || !octet_ok(s, st, k)) return 0;
          st = k + 1;
        }
      }
      if (parts != 4) return 0;
      groups += 2;
      p = b;
      break;
    }
    i32 gl = q - p;
    if (gl < 1 || gl > 4) return 0;
    groups++;
    p = q;
    if (p == b) break;
    if (s[p] != 58) return 0;
    p++;
    if (p < b && s[p] == 58) {
      if (dbl) return 0;
      dbl = 1;
      p++;
      if (p == b) break;
    } else if (p == b) return 0;
  }
  if (groups > 8) return 0;
  if (dbl) return groups <= 7 && groups >= 2;
  return groups == 8;
}

/* --- pure letters ------------------------------------------------------------------------- */
i32 word(i32 i, i32 j, i32 upper, i32 lower) {
  const u16 *s = E.s;
  i32 len = j - i;
  if (len >= GENOMIC_MIN || (len >= 10 && (E.hints & TYPE_BIT(T_genomic)))) {
    i32 k = i;
    u32 seen = 0;
    for (; k < j; k++) {
      u32 c = s[k] | 32u;
      if (c == 97) seen |= 1;
      else if (c == 99) seen |= 2;
      else if (c == 103) seen |= 4;
      else if (c == 116) seen |= 8;
      else if (c != 110) break;
    }
    if (k == j && (upper == len || lower == len) && bit_count(seen) >= (len >= GENOMIC_MIN ? 4 : 2)) {
      emit(T_genomic, i, j, 0.85, JUR_DEFAULT);
      return j;
    }
  }
  /* English name keywords: "Name: Jane Doe", "Mr. John Smith", "Dear Ann Lee", "Sir John Smith". */
  if (len >= 2 && len <= 4) {
    u32 c0 = s[i];
    if (c0 == 78 || c0 == 77 || c0 == 68 || c0 == 110 || c0 == 83) name_after_keyword(i, j);
  }
  return j;
}

void name_after_keyword(i32 i, i32 j) {
  const u16 *s = E.s;
  i32 to = E.to;
  i32 len = j - i;
  i32 p = j;
  bool_t keyword = len == 4 && matches_lower(s, i, "name", 0);
  /* a knight's or dame's title goes before a given name and a surname ("Sir John Smith") */
  bool_t honorific = !keyword && is_one_of(s, i, len, TB_HONORIFICS);
  /* A title stood between the key and the name ("Name: Dr. Jane Doe"). */
  bool_t titled = 0;
  if (keyword) {
    while (p < to && (s[p] == 32 || s[p] == 58 || s[p] == 61 || s[p] == 0xff1a)) p++;
    if (p == j) return;
    /* a compound key names a person only when its first word says so (first_name,
     * Customer-Name): Bundle-Name, Implementation-Name, job.name name software */
    if (i - 1 > E.from && (s[i - 1] == 45 || s[i - 1] == 95 || s[i - 1] == 46)) {
      i32 w = word_before(s, E.from, i - 1);
      if (w < 0 || !is_one_of_lower(s, w, i - 1 - w, TB_PERSON_NAME_OWNERS)) return;
    }
    /* a title right after the key goes before the name ("Name: Dr. Jane Doe", "name: Sir
     * Elton"): the name is what follows it, as after a title anywhere else */
    i32 t = p;
    while (t < to && is_letter_c(s[t])) t++;
    if (t > p && is_title(s, p, t - p)) {
      if (t < to && s[t] == 46) t++;
      if (t < to && s[t] == 32) p = t + 1;
      else return; /* a title with no name after it names no one */
      titled = 1;
    }
  } else if (is_title(s, i, len)) {
    /* "Sir" and "Dame" are never abbreviated: "Dear Sir. Thank you" ends a salutation */
    if (p < to && s[p] == 46 && !honorific) p++;
    if (p < to && s[p] == 32) p++;
    else return;
  } else return;
  /* 1–3 capitalised words */
  i32 start = p;
  i32 words = 0;
  i32 end = p;
  while (words < 3 && p < to) {
    u32 c = s[p];
    if (!(c >= 65 && c <= 90)) break;
    i32 q = p + 1;
    /* where the current part of the word starts (after a hyphen or apostrophe) */
    i32 part = p;
    while (q < to) {
      u32 d = s[q];
      if (d >= 97 && d <= 122) q++;
      else if (d == 39 || d == 45) part = ++q;
      /* a capital right after a hyphen or apostrophe goes on the word (Jean-Luc, O'Brien), or
       * after a name prefix (McKenzie, MacDonald, VonRueden, DeShawn, LaToya, DuBois, Brekke-VonRueden) */
      else if (d >= 65 && d <= 90 && (q == part || is_name_prefix(s, part, q))) q++;
      else break;
    }
    /* a hyphen or apostrophe that ends the word is not part of the name */
    while (q > p + 1 && (s[q - 1] == 45 || s[q - 1] == 39)) q--;
    if (q - p < 2) break;
    /* a word that runs on in letters or digits (CodeQL, Build2) is not a name's */
    if (q < to && is_alnum(s[q])) break;
    /* a title or salutation before a generic word names no one ("Dear Sir", "Dear Valued
     * Customer", "Dear All"); before another title ("Dear Mr. Smith") that title takes the name */
    if ((!keyword || titled) && words == 0 && (is_one_of(s, p, q - p, TB_GENERIC_ADDRESSEES) || is_title(s, p, q - p))) return;
    /* "Dear Sir Or Madam": a conjunction after Sir or Dame joins a second generic word */
    if (honorific && words == 0 && is_one_of(s, p, q - p, TB_CONJUNCTIONS)) return;
    words++;
    end = q;
    if (q < to && s[q] == 32) p = q + 1;
    else break;
  }
  /* "name: Build and Test", "name: Set up JDK": one capitalised word that a lower-case word
   * goes on from is the start of a phrase (after a title it stays a name: "Mr. Smith updated";
   * before the next key it does too: "first_name: Jane last_name: Doe") */
  if (keyword && words == 1 && end + 1 < to && s[end] == 32 && is_lower_cc(s[end + 1])) {
    i32 k = end + 2;
    while (k < to && is_lower_cc(s[k])) k++;
    u32 c = k < to ? s[k] : 0;
    if (c != 58 && c != 61 && c != 95 && c != 0xff1a) return;
  }
  /* after Sir or Dame the name is a given name and a surname: one word alone ("Dear Sir
   * Thank you") is not taken for a name */
  if (honorific && words < 2) return;
  if (words >= 1) emit(T_person_name, start, end, words >= 2 ? 0.75 : 0.6, JUR_DEFAULT);
}

/* --- letters and digits ------------------------------------------------------------------- */
i32 mixed(i32 i, i32 j, i32 digits, i32 upper, i32 lower) {
  const u16 *s = E.s;
  i32 len = j - i;
  u32 c0 = s[i];
  i32 letters = upper + lower;
  /* a MAC written as 12 bare hex digits (D05099844A2A): only with MAC context */
  if (len == 12 && (upper == 0 || lower == 0) && hex_run(s, i, j) >= 0 && mac_bare(i, j)) return j;
  /* 18 characters: resident ID ending in X, or a USCC. */
  if (len == 18) {
    u32 last = s[j - 1];
    if (digits == 17 && (last == 88 || last == 120) && cn_id18_valid(s, i)) {
      emit(T_cn_resident_id, i, j, 0.97, JUR_DEFAULT);
      return j;
    }
    if (lower == 0 && uscc_valid(s, i) && uscc_region_ok(s, i)) {
      emit(T_cn_uscc, i, j, 0.95, JUR_DEFAULT);
      return j;
    }
  }
  /* Ethereum 0x + 40 hex */
  if (len == 42 && c0 == 48 && (s[i + 1] | 32u) == 120) {
    if (hex_run(s, i + 2, j) < 0) return j; /* an address is 40 hex digits */
    /* the zero address (burns, contract creation) belongs to no one */
    if (digits == 41) {
      bool_t zero = 1;
      for (i32 k = i + 2; k < j && zero; k++) zero = s[k] == 48;
      if (zero) return j;
    }
    i32 r = eip55(s, i);
    if (r == 2) emit(T_crypto_wallet, i, j, 0.95, JUR_DEFAULT);
    else if (r == 1) emit(T_crypto_wallet, i, j, 0.55, JUR_DEFAULT);
    return j;
  }
  /* Bitcoin Base58Check (1… / 3…) and bech32 (bc1…) */
  if ((c0 == 49 || c0 == 51) && len >= 26 && len <= 35) {
    bool_t ok = 1;
    for (i32 k = i; k < j && ok; k++) ok = is_base58_char(s[k]);
    /* P2PKH (version 0x00) or P2SH (0x05); a '3…' string can also decode to versions 6 and 7 */
    i32 v = ok ? base58_check_version(s, i, j) : -1;
    if (v == 0 || v == 5) {
      emit(T_crypto_wallet, i, j, 0.95, JUR_DEFAULT);
      return j;
    }
  }
  if ((len == 42 || len == 62) && (c0 | 32u) == 98 && (s[i + 1] | 32u) == 99 && s[i + 2] == 49) {
    if (bech32_valid(s, i, j)) emit(T_crypto_wallet, i, j, 0.95, JUR_DEFAULT);
    return j;
  }
  /* IBAN: CC99 + BBAN, compact or in groups of four. */
  if (len >= 4 && upper >= 2 && is_upper_c(c0) && is_upper_c(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) {
    i32 e = iban(i, j);
    if (e > 0) return e;
  }
  if (upper > 0 && lower == 0) {
    /* in a passport field, a passport shape wins over the (1-in-11) HKID check
     * … and so it does after a passport keyword (护照号码 EC3339775): the HKID check passes one
     * passport number in eleven */
    if ((len == 8 || len == 9) && letters <= 2 &&
        ((E.hints & (TYPE_BIT(T_cn_passport) | TYPE_BIT(T_us_passport))) || has_context(T_cn_passport, i) || has_context(T_us_passport, i)) &&
        passport(i, j))
      return j;
    /* HKID: 1–2 letters, 6 digits, check (0–9/A), with or without parentheses. */
    i32 e = hkid(i, j, letters);
    if (e > 0) return e;
    /* Taiwan ID: letter + [12 89 A-D] + 8 digits. */
    if (len == 10 && is_upper_c(c0) && digits >= 8 && tw_id_valid(s, i)) {
      u32 c1 = s[i + 1];
      emit(T_tw_id, i, j, c1 == 49 || c1 == 50 ? 0.8 : 0.7, JUR_DEFAULT);
      return j;
    }
    /* Passports (context needed). */
    if ((len == 8 || len == 9) && letters <= 2) {
      if (passport(i, j)) return j;
    }
    /* ICD-10 in a health context: A00 … Z99 with optional .x–.xxxx */
    if (len >= 3 && len <= 7 && is_upper_c(c0) && is_digit(s[i + 1]) && is_digit(s[i + 2])) {
      return icd10(i, j);
    }
  }
  return j;
}

i32 hkid(i32 i, i32 j, i32 letters) {
  const u16 *s = E.s;
  i32 len = j - i;
  if (letters > 3) return -1;
  i32 lead = is_upper_c(s[i]) ? (is_upper_c(s[i + 1]) ? 2 : 1) : 0;
  if (lead == 0) return -1;
  /* compact: L(L)dddddd C */
  if (len == lead + 7) {
    for (i32 k = i + lead; k < i + lead + 6; k++)
      if (!is_digit(s[k])) return -1;
    u32 ck = s[j - 1];
    if ((is_digit(ck) || ck == 65) && hkid_valid(s, i, lead, j - 1)) {
      emit(T_hk_id, i, j, 0.6, JUR_DEFAULT);
      return j;
    }
    return -1;
  }
  /* L(L)dddddd(C), also in the full-width brackets of Chinese text: A123456（3） */
  if (len == lead + 6 && j + 2 < E.to && is_open_paren(s[j]) && is_close_paren(s[j + 2])) {
    for (i32 k = i + lead; k < j; k++)
      if (!is_digit(s[k])) return -1;
    u32 ck = s[j + 1];
    if ((is_digit(ck) || ck == 65) && hkid_valid(s, i, lead, j + 1)) {
      emit(T_hk_id, i, j + 3, 0.85, JUR_DEFAULT);
      return j + 3;
    }
  }
  return -1;
}

bool_t passport(i32 i, i32 j) {
  const u16 *s = E.s;
  i32 len = j - i;
  const WordList *shapes = table_words(TB_PASSPORT_SHAPES);
  for (i32 w = 0; w < shapes->count; w++) {
    if (shapes->len[w] != len) continue;
    const u16 *shape = shapes->units + shapes->off[w];
    bool_t ok = 1;
    for (i32 k = 0; k < len && ok; k++) {
      u32 want = shape[k];
      u32 c = s[i + k];
      if (want == 35) ok = is_digit(c);
      else if (want == 64) ok = is_upper_c(c) && c != 73 && c != 79;
      else ok = c == want;
    }
    if (ok) {
      emit(T_cn_passport, i, j, 0.3, JUR_DEFAULT);
      return 1;
    }
  }
  /* US passport book: one letter + 8 digits (next-generation numbering). */
  if (len == 9 && is_upper_c(s[i])) {
    for (i32 k = i + 1; k < j; k++)
      if (!is_digit(s[k])) return 0;
    emit(T_us_passport, i, j, 0.25, JUR_DEFAULT);
    return 1;
  }
  return 0;
}

i32 icd10(i32 i, i32 j) {
  const u16 *s = E.s;
  i32 to = E.to;
  i32 end = j;
  /* dotted form: the token is "E11", then ".9" / ".65" / ".A1" */
  if (j - i == 3 && j + 1 < to && s[j] == 46 && is_alnum(s[j + 1])) {
    i32 q = j + 1;
    while (q < to && q - j <= 5 && is_alnum(s[q])) q++;
    if (q - j - 1 > 4 || (q < to && is_alnum(s[q]))) return j;
    end = q;
  } else if (j - i > 3) {
    /* undotted E119: the rest is alphanumeric, at most 4 */
    for (i32 k = i + 3; k < j; k++)
      if (!is_alnum(s[k])) return j;
  }
  /* a piece of a base64 / base64url run (a JWT, a key) is cut out by _ + / -, and its context
   * words are letters of the run (…cDX11aB…_J22N83R reads "dx" before J22N83R) */
  u32 b = i > E.from ? s[i - 1] : 0;
  if (b == 95 || b == 43 || b == 47 || b == 45) return end;
  if (has_context(T_icd10, i)) emit(T_icd10, i, end, 0.75, JUR_DEFAULT);
  return end;
}

i32 iban(i32 i, i32 j) {
  const u16 *s = E.s;
  i32 to = E.to;
  const u8 *IBAN_LEN = (const u8 *)TBL[TB_IBAN_LEN];
  i32 want = IBAN_LEN[((i32)s[i] - 65) * 26 + ((i32)s[i + 1] - 65)];
  if (want == 0) return -1;
  i32 end = j;
  i32 n = j - i;
  u32 sep = j < to ? s[j] : 0;
  if (n == 4 && (sep == 32 || sep == 45)) {
    /* grouped: "GB82 WEST 1234 5698 7654 32", or with dashes (one separator throughout) */
    i32 p = j;
    while (n < want && p + 1 < to && s[p] == sep && is_alnum(s[p + 1])) {
      i32 q = p + 1;
      while (q < to && q - p <= 5 && is_alnum(s[q])) q++;
      i32 g = q - p - 1;
      if (g > 4) break;
      n += g;
      p = q;
      end = q;
      if (g < 4) break;
    }
  }
  if (n != want) return -1;
  /* a dashed chain that goes on is some longer code */
  if (sep == 45 && end > j && end + 1 < to && s[end] == 45 && is_alnum(s[end + 1])) return -1;
  if (!iban_mod97_valid(s, i, end)) return -1;
  emit(T_iban, i, end, 0.95, JUR_DEFAULT);
  return end;
}

/* --- MAC, UUID ---------------------------------------------------------------------------- */
i32 mac(i32 i, u32 sep) {
  const u16 *s = E.s;
  i32 end = i + 17;
  if (end > E.to) return -1;
  bool_t all_f = 1;
  bool_t all0 = 1;
  for (i32 k = 0; k < 17; k++) {
    u32 c = s[i + k];
    if (k % 3 == 2) {
      if (c != sep) return -1;
    } else {
      if (!is_hexc(c)) return -1;
      if ((c | 32u) != 102) all_f = 0;
      if (c != 48) all0 = 0;
    }
  }
  if (end < E.to && (is_alnum(s[end]) || s[end] == sep)) return -1;
  if (all_f || all0) return end;
  emit(T_mac_address, i, end, 0.85, JUR_DEFAULT);
  return end;
}

i32 mac_cisco(i32 i) {
  const u16 *s = E.s;
  i32 end = i + 14;
  if (end > E.to) return -1;
  for (i32 k = 0; k < 14; k++) {
    u32 c = s[i + k];
    if (k == 4 || k == 9) {
      if (c != 46) return -1;
    } else if (!is_hexc(c)) return -1;
  }
  if (end < E.to && (is_alnum(s[end]) || s[end] == 46)) return -1;
  emit(T_mac_address, i, end, 0.7, JUR_DEFAULT);
  return end;
}

/* 12 hex digits s[i, j) as a MAC address, in a MAC field or after a MAC keyword; not inside a
 * longer dotted, colon or dash form, and not the broadcast or all-zero address. */
bool_t mac_bare(i32 i, i32 j) {
  const u16 *s = E.s;
  u32 b = i > E.from ? s[i - 1] : 0;
  u32 a = j < E.to ? s[j] : 0;
  if (b == 46 || b == 58 || b == 45 || a == 46 || a == 58 || a == 45) return 0;
  if (!has_context(T_mac_address, i)) return 0;
  bool_t all_f = 1;
  bool_t all0 = 1;
  for (i32 k = i; k < j; k++) {
    u32 c = s[k];
    if ((c | 32u) != 102) all_f = 0;
    if (c != 48) all0 = 0;
  }
  if (all_f || all0) return 1;
  emit(T_mac_address, i, j, 0.4, JUR_DEFAULT);
  return 1;
}

/* A UUID at i, whose first group (8 hex digits, letters of case bits `first`) the token walk read. */
i32 uuid(i32 i, u32 first) {
  const u16 *s = E.s;
  i32 end = i + 36;
  if (end > E.to) return -1;
  if (s[i + 8] != 45 || s[i + 13] != 45 || s[i + 18] != 45 || s[i + 23] != 45) return -1;
  /* 8-4-4-4-12 hex digits; the case bits (UPPER / LOWER) of their letters, or -1 */
  i32 cases = (i32)first | hex_run(s, i + 9, i + 13) | hex_run(s, i + 14, i + 18) | hex_run(s, i + 19, i + 23) | hex_run(s, i + 24, end);
  if (cases < 0) return -1;
  if (end < E.to && is_alnum(s[end])) return -1;
  if ((cases & C_UPPER) && (cases & C_LOWER)) return end;
  /* the nil UUID is what a device gives in place of its ad ID when tracking is limited or not
   * authorised: it is the same on every device and identifies no one */
  if (cases == 0 && is_nil_uuid(s, i)) return end;
  /* IDFA and GAID are UUIDs: only an advertising context says which UUIDs are ad IDs. */
  if (has_context(T_advertising_id, i)) emit(T_advertising_id, i, end, 0.75, JUR_DEFAULT);
  return end;
}

/* --- punctuation-triggered detectors ------------------------------------------------------ */

/* `@` at i: expand to an e-mail address. */
i32 email(i32 at) {
  const u16 *s = E.s;
  i32 from = E.from, to = E.to;
  i32 a = at;
  while (a > from && at - a < 64) {
    u32 c = s[a - 1];
    if (is_alnum(c) || c == 46 || c == 95 || c == 37 || c == 43 || c == 45) a--;
    else break;
  }
  while (a < at && s[a] == 46) a++;
  if (a == at || s[at - 1] == 46) return at + 1;
  /* domain: labels of [A-Za-z0-9-] separated by dots */
  i32 p = at + 1;
  i32 last_dot = -1;
  i32 label_len = 0;
  while (p < to && p - at <= 253) {
    u32 c = s[p];
    if (is_alnum(c) || c == 45) {
      label_len++;
      p++;
    } else if (c == 46 && label_len > 0 && p + 1 < to && is_alnum(s[p + 1])) {
      last_dot = p;
      label_len = 0;
      p++;
    } else break;
  }
  if (last_dot < 0) return p > at + 1 ? p : at + 1;
  /* TLD: letters only, 2+ */
  bool_t tld_ok = p - last_dot - 1 >= 2;
  for (i32 q = last_dot + 1; q < p && tld_ok; q++) {
    u32 c = s[q];
    tld_ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  }
  if (!tld_ok) return p;
  /* a version after a package name (hibernate-core@5.2.18.Final in a purl, spring@5.2.3.RELEASE):
   * a host name does not start with two all-digit labels */
  if (digit_labels(s, at + 1, p) >= 2) return p;
  /* the user of a URL (git+ssh://git@github.com/…, https://user@host/…) names an account on
   * that host, not a mailbox */
  if (a - 3 >= from && s[a - 1] == 47 && s[a - 2] == 47 && s[a - 3] == 58) return p;
  emit(T_email, a, p, 0.95, JUR_DEFAULT);
  return p;
}

/* `:` at i: an IPv6 address run around it (hex, colons, dots for an embedded IPv4). */
i32 ipv6(i32 i) {
  const u16 *s = E.s;
  i32 from = E.from, to = E.to;
  i32 a = i;
  while (a > from && i - a < 40 && (is_hexc(s[a - 1]) || s[a - 1] == 58)) a--;
  i32 b = i;
  if (a > from && (is_alnum(s[a - 1]) || s[a - 1] == 46)) {
    /* inside a longer word (key:value, a:b:c…): skip the whole run at once */
    while (b < to && (is_alnum(s[b]) || s[b] == 58)) b++;
    return b;
  }
  /* the run forward, counting its colons (and whether two touch) on the way */
  i32 colons = 0;
  bool_t dbl = 0;
  u32 prev = a < i ? s[i - 1] : 0;
  while (b < to && b - a < 45) {
    u32 c = s[b];
    if (c == 58) {
      colons++;
      if (prev == 58) dbl = 1;
    } else if (!(is_hexc(c) || c == 46)) break;
    prev = c;
    b++;
  }
  if (b < to && is_alnum(s[b])) {
    while (b < to && (is_alnum(s[b]) || s[b] == 58)) b++;
    return b;
  }
  while (b > i && s[b - 1] == 46) b--;
  /* without '::' an address has eight groups, so at least six colons (seven, or six before an
   * embedded IPv4): a time of day "01:36:61" or "a:b" is not checked further */
  if (!dbl && colons + colons_in(s, a, i) < 6) return b;
  /* the documentation prefix 2001:db8::/32 (RFC 3849) is no one's: consumed, not reported; so is
   * an IPv4 address that is no one's in IPv6 form (::ffff:127.0.0.1, ::127.0.0.1) */
  if (valid_ipv6(s, a, b) && !ipv6_documentation(s, a, b) && !ipv4_embedded_no_ones(s, a, b)) emit(T_ip_address, a, b, 0.85, JUR_DEFAULT);
  return b;
}

/* `+` at i: an international phone number. */
i32 plus(i32 i) {
  const u16 *s = E.s;
  i32 from = E.from, to = E.to;
  if (i + 1 >= to || !is_digit(s[i + 1])) return i + 1;
  if (i > from && is_alnum(s[i - 1])) return i + 1;
  /* gather digit groups separated by one of " -.()" (at most 20 digits) */
  i32 p = i + 1;
  i32 digits = 0;
  i32 ends[24];
  i32 n_ends = 0;
  while (p < to && digits < 20) {
    u32 c = s[p];
    if (is_digit(c)) {
      digits++;
      p++;
      u32 n = p < to ? s[p] : 0;
      if (!is_digit(n)) ends[n_ends++] = p;
    } else if ((c == 32 || c == 45 || c == 46 || c == 40 || c == 41) && p + 1 < to) {
      u32 n = s[p + 1];
      if (is_digit(n) || ((c == 32 || c == 41) && n == 40) || (c == 41 && n == 32) || (c == 40 && is_digit(n))) p++;
      else break;
    } else break;
  }
  if (p < to && is_alnum(s[p])) return p;
  /* mainland fast path: +86 1xx… */
  load_digits(s, i + 1, n_ends > 0 ? ends[n_ends - 1] : p);
  if (dig[0] == 8 && dig[1] == 6) {
    for (i32 e = n_ends - 1; e >= 0; e--) {
      i32 n = load_digits(s, i + 1, ends[e]);
      if (n == 13 && cn_mobile_tier(dig, 2) > 0) {
        emit(T_cn_mobile, i, ends[e], 0.95, JUR_DEFAULT);
        return ends[e];
      }
    }
  }
  if (dig[0] == 1) {
    for (i32 e = n_ends - 1; e >= 0; e--) {
      i32 n = load_digits(s, i + 1, ends[e]);
      if (n == 11 && nanp_valid(dig, 1)) {
        /* nanpCountry undefined → 0 → the type's jurisdiction, as `jur ?? JUR[ti]` */
        emit(T_phone, i, ends[e], 0.9, nanp_country(dig, 1));
        return ends[e];
      }
    }
    return p;
  }
  /* everything else: libphonenumber metadata, longest first */
  static u8 ascii[32];
  for (i32 e = n_ends - 1; e >= 0; e--) {
    i32 n = load_digits(s, i + 1, ends[e]);
    if (n < 7 || n > 15) continue;
    for (i32 k = 0; k < n; k++) ascii[k] = (u8)(48 + dig[k]);
    u32 r = js_intl_valid(ascii, n);
    if (r) {
      /* 1: valid without a region (r.country undefined) → the type's jurisdiction */
      emit(T_phone, i, ends[e], 0.9, r == 1 ? JUR_DEFAULT : r);
      return ends[e];
    }
  }
  return p;
}

/* `(` at i: a NANP number "(415) 555-2671". */
i32 paren(i32 i) {
  const u16 *s = E.s;
  i32 to = E.to;
  if (i + 13 > to) return i + 1;
  if (!(is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) && s[i + 4] == 41)) return i + 1;
  i32 p = i + 5;
  if (s[p] == 32) p++;
  i32 x = p;
  for (i32 k = 0; k < 3; k++)
    if (!is_digit(s[x + k])) return i + 1;
  u32 sep = s[x + 3];
  if (sep != 45 && sep != 46 && sep != 32) return i + 1;
  for (i32 k = 4; k < 8; k++)
    if (!is_digit(s[x + k])) return i + 1;
  i32 end = x + 8;
  if (end < to && is_alnum(s[end])) return i + 1;
  dig[0] = (i8)(s[i + 1] - 48);
  dig[1] = (i8)(s[i + 2] - 48);
  dig[2] = (i8)(s[i + 3] - 48);
  for (i32 k = 0; k < 3; k++) dig[3 + k] = (i8)(s[x + k] - 48);
  for (i32 k = 0; k < 4; k++) dig[6 + k] = (i8)(s[x + 4 + k] - 48);
  if (!nanp_valid(dig, 0)) return end;
  /* "+1 (415) …" is handled by `plus` */
  emit(T_phone, i, end, 0.8, nanp_country(dig, 0));
  return end;
}

/* --- genomic lines (tab-separated VCF / SAM / genotype exports) ----------------------------- */
enum { G_DIGITS, G_CIGAR, G_SEQ, G_BASE, G_ALLELES, G_GENOTYPE };

static bool_t g_base(u32 c) { return c == 65 || c == 67 || c == 71 || c == 84 || c == 78; }

static bool_t g_ok(i32 kind, u32 c) {
  switch (kind) {
  case G_DIGITS: return is_digit(c);
  /* isDigit(c) || 'MIDNSHP=X*'.includes(String.fromCharCode(c)) */
  case G_CIGAR: return is_digit(c) || c == 77 || c == 73 || c == 68 || c == 78 || c == 83 || c == 72 || c == 80 || c == 61 || c == 88 || c == 42;
  case G_SEQ: return g_base(c) || c == 42 || c == 61 || c == 46;
  case G_BASE: return g_base(c);
  case G_ALLELES: return g_base(c) || c == 44 || c == 46 || c == 42 || c == 60 || c == 62 || (c >= 65 && c <= 90);
  default: return g_base(c) || c == 45 || c == 68 || c == 73; /* G_GENOTYPE */
  }
}

static i32 g_cs[13];
static i32 g_cols;

static i32 g_col_a(i32 k) { return g_cs[k]; }
static i32 g_col_b(i32 k) { return k + 1 < g_cols ? g_cs[k + 1] - 1 : E.to; }

static bool_t g_all_in(i32 k, i32 kind) {
  i32 a = g_col_a(k), b = g_col_b(k);
  if (a >= b) return 0;
  for (i32 p = a; p < b; p++)
    if (!g_ok(kind, E.s[p])) return 0;
  return 1;
}

/* s.slice(a, b).replace(/^chr/i, '') matches /^([0-9]{1,2}|X|Y|MT?)$/i */
static bool_t g_chrom(void) {
  const u16 *s = E.s;
  i32 a = g_col_a(0), b = g_col_b(0);
  if (b - a < 1 || b - a > 12) return 0;
  i32 t = a;
  if (b - a >= 3 && (s[a] | 32u) == 99 && (s[a + 1] | 32u) == 104 && (s[a + 2] | 32u) == 114) t = a + 3;
  i32 n = b - t;
  if (n == 1) {
    u32 c = s[t];
    u32 l = c | 32u;
    return is_digit(c) || (is_letter_c(c) && (l == 120 || l == 121 || l == 109));
  }
  if (n == 2) {
    u32 c = s[t], d = s[t + 1];
    if (is_digit(c) && is_digit(d)) return 1;
    return is_letter_c(c) && (c | 32u) == 109 && is_letter_c(d) && (d | 32u) == 116;
  }
  return 0;
}

/* /^(rs|i)\d{2,12}$/ over s[a, b) */
static bool_t g_rsid(i32 a, i32 b) {
  const u16 *s = E.s;
  i32 p = a;
  if (b - p >= 2 && s[p] == 114 && s[p + 1] == 115) p += 2;
  else if (b - p >= 1 && s[p] == 105) p += 1;
  else return 0;
  i32 n = b - p;
  if (n < 2 || n > 12) return 0;
  for (i32 k = p; k < b; k++)
    if (!is_digit(s[k])) return 0;
  return 1;
}

void genomic_line(void) {
  const u16 *s = E.s;
  i32 from = E.from;
  i32 to = E.to;
  /* collect up to 12 tab-separated column bounds */
  g_cols = 0;
  g_cs[g_cols++] = from;
  for (i32 p = from; p < to && g_cols < 13; p++)
    if (s[p] == 9) g_cs[g_cols++] = p + 1;
  i32 cols = g_cols;
  /* SAM: QNAME FLAG RNAME POS MAPQ CIGAR RNEXT PNEXT TLEN SEQ QUAL */
  if (cols >= 11 && g_all_in(1, G_DIGITS) && g_all_in(3, G_DIGITS) && g_all_in(4, G_DIGITS) && g_all_in(5, G_CIGAR) && g_all_in(9, G_SEQ)) {
    emit(T_genomic, from, to, 0.95, JUR_DEFAULT);
    return;
  }
  /* VCF: CHROM POS ID REF ALT … */
  if (cols >= 5 && g_chrom() && g_all_in(1, G_DIGITS) && g_all_in(3, G_BASE) && g_all_in(4, G_ALLELES)) {
    emit(T_genomic, from, to, 0.9, JUR_DEFAULT);
    return;
  }
  /* genotype export: rsid CHROM POS GENOTYPE */
  if (cols == 4) {
    i32 a = g_col_a(0), b = g_col_b(0);
    if (g_rsid(a, b) && g_all_in(2, G_DIGITS) && g_all_in(3, G_GENOTYPE)) {
      i32 g0 = g_col_a(3), g1 = g_col_b(3);
      if (g1 - g0 <= 2) emit(T_genomic, from, to, 0.9, JUR_DEFAULT);
    }
  }
}
