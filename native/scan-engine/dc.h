/*
 * datacustoms scan engine, compiled to WebAssembly: shared declarations.
 *
 * This is a line-by-line port of the TypeScript detector engine (src/scan/detectors/). The
 * TypeScript engine is the reference: every function here carries the name of the function
 * it ports, and src/scan/wasm/parity.test.ts holds the two to the same hits on the same
 * inputs. Change both, or neither.
 *
 * Conventions of the port:
 * - Text is UTF-16 code units (u16), as JavaScript strings are, so every offset is the same
 *   number on both sides. The engine reads E.s[from, to). The buffer holds PAD zero units
 *   before `from` and after `to`: where the TypeScript code reads outside the value
 *   (`s.charCodeAt(to)` is NaN there), this code reads 0. Both fail every comparison with a
 *   character, and (0 | 32) === (NaN | 32); check any other use of an out-of-range read.
 * - The engine is one global state `E` (the TypeScript class's `this`), not re-entrant.
 * - No libc: freestanding C, memory from `dc_alloc` (never freed: tables at start-up) and
 *   the scratch arena (`scratch_*`, reset for each value).
 * - Tables and parameters come from the TypeScript modules at start-up (dc_table /
 *   table_*), so the data has one source: the modules of src/scan/detectors.
 */
#ifndef DC_H
#define DC_H

typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef int i32;
typedef unsigned int u32;
typedef long long i64;
typedef double f64;
typedef int bool_t;

#define EXPORT(name) __attribute__((export_name(#name)))
#define IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

/* Zero units kept before and after the value in the input buffer. */
#define PAD 64

/* --- detection types: the order of DETECTION_TYPES (src/scan/core/types.ts); the loader
 *     checks it against TYPE_NAMES at start-up ------------------------------------------- */
enum {
  T_cn_resident_id, T_cn_mobile, T_cn_uscc, T_cn_passport, T_hk_id, T_tw_id, T_cn_vehicle_plate,
  T_cn_address, T_us_ssn, T_us_itin, T_us_passport, T_aba_routing, T_phone, T_email, T_ip_address,
  T_mac_address, T_imei, T_payment_card, T_iban, T_geo_coordinates, T_date_of_birth,
  T_advertising_id, T_crypto_wallet, T_genomic, T_icd10, T_person_name, T_address, NT
};
#define TYPE_BIT(t) (1u << (t))

/* --- character classes (engine.ts) ------------------------------------------------------ */
#define C_DIGIT 1
#define C_UPPER 2
#define C_LOWER 4
#define C_HEX 8
#define C_ALNUM (C_DIGIT | C_UPPER | C_LOWER)
extern u8 CLS[128];
static inline bool_t is_digit(u32 c) { return c >= 48 && c <= 57; }
static inline bool_t is_alnum(u32 c) { return c < 128 && (CLS[c] & C_ALNUM) != 0; }
static inline bool_t is_hexc(u32 c) { return c < 128 && (CLS[c] & C_HEX) != 0; }
static inline bool_t is_upper_c(u32 c) { return c >= 65 && c <= 90; }
static inline bool_t is_lower_c(u32 c) { return c >= 97 && c <= 122; }
static inline bool_t is_letter_c(u32 c) { return is_upper_c(c) || is_lower_c(c); }

/* --- the engine state (engine.ts class Engine) ------------------------------------------- */
/* FieldContext flags beside `hints` */
#define CTX_NEGATIVE 1
#define CTX_VERSION 2
#define CTX_LATITUDE 4
#define CTX_BARE_NAME 8

typedef struct {
  const u16 *s;
  i32 from, to;
  u32 hints; /* FieldContext.hints */
  u32 flags; /* CTX_* */
  f64 min_conf;
  i32 han_done;
  bool_t tab_done;
  i32 offset;
  bool_t narrowed_value;
} Engine;
extern Engine E;

/* Hits (engine.ts class Hits): parallel arrays, absolute offsets in E.s. `jur` is a region
 * code packed as (first << 8 | second), 0 when undefined, or JUR_DEFAULT for the type's own
 * jurisdiction (TYPE_INFO[t].jurisdiction, filled in by the loader). */
#define JUR_DEFAULT 0xffff
#define JUR(a, b) ((u32)(a) << 8 | (u32)(b))
typedef struct {
  i32 n, cap;
  u8 *ti;
  i32 *start, *end;
  f64 *conf;
  u16 *jur;
} Hits;
extern Hits H;
void hits_add(u32 ti, i32 start, i32 end, f64 conf, u32 jur);
void hits_resolve(void);

/* engine.ts emit(ti, start, end, base, jur?) — pass JUR_DEFAULT for "jur omitted". */
void emit(u32 ti, i32 start, i32 end, f64 base, u32 jur);
/* engine.ts hasContext(ti, start) */
bool_t has_context(u32 ti, i32 start);

/* Shared scratch of engine.ts: the digit-group chain and the digit values. */
#define MAX_GROUPS 12
extern i32 gS[MAX_GROUPS], gE[MAX_GROUPS], gSep[MAX_GROUPS];
extern i8 dig[32];
static inline i32 glen(i32 k) { return gE[k] - gS[k]; } /* engine.ts len(k) */

/* --- keyword sets (keywords.ts) ---------------------------------------------------------- */
typedef struct KeywordSet KeywordSet;
bool_t kw_before(const KeywordSet *k, const u16 *s, i32 from, i32 start);
bool_t matches_lower(const u16 *s, i32 at, const char *word, i32 from); /* ASCII word */
extern KeywordSet *KW[NT];            /* KEYWORDS[type], or 0 */
extern KeywordSet *NEGATIVE_KEYWORDS;

/* --- tables and parameters from TypeScript ----------------------------------------------- */
/* A word list: `count` words, each `len[k]` units at `units + off[k]`. */
typedef struct {
  i32 count;
  const i32 *off;
  const i32 *len;
  const u16 *units;
} WordList;
bool_t wl_has(const WordList *w, const u16 *s, i32 at, i32 n);            /* s[at, at+n) is a word */
bool_t wl_has_lower(const WordList *w, const u16 *s, i32 at, i32 n);      /* ASCII-lowered s equals a word */
bool_t wl_starts_any(const WordList *w, const u16 *s, i32 at, i32 limit); /* a word starts at `at` (within limit) */

/* Numbered tables: the loader fills each with dc_table(id, bytes) → pointer, then writes. */
enum {
  TB_HAN,               /* cn.ts HAN: u8[0x10000] */
  TB_IBAN_LEN,          /* engine.ts IBAN_LEN: u8[26*26] */
  TB_CN_PREFIX,         /* phone.ts CN_PREFIX: u8[1000] */
  TB_CN_PREFIX5,        /* phone.ts CN_PREFIX5: sorted i32[] */
  TB_CA_NPA,            /* phone.ts CA_NPA: sorted i32[] */
  TB_OTHER_NANP,        /* phone.ts OTHER_NANP: sorted i32[] */
  TB_SSN_PUBLIC,        /* SSN knownPublic as f64[] (sorted) */
  TB_SSN_PREFIX,        /* SSN knownPublicPrefixes as f64 pairs [value, 10^rest] */
  TB_SSN_INVALID_AREAS, /* i32 pairs */
  TB_ITIN_GROUPS,       /* i32 pairs */
  TB_TEST_PANS,         /* word list (u16 words) */
  TB_PASSPORT_SHAPES,   /* word list */
  TB_ABA_FIRST,         /* u8[10] */
  TB_COMPOUND_SURNAMES, /* word list */
  TB_NAME_KEYWORDS,     /* word list */
  TB_NOT_NAME_WORDS,    /* word list */
  TB_PROVINCE_CODES,    /* cn.ts PROVINCES: i32[] (cn.c) */
  TB_STREET_SUFFIXES,   /* word list */
  TB_STREET_ABBREVIATIONS,
  TB_NAME_PREFIXES,
  TB_HONORIFICS,
  TB_TITLES,
  TB_PERSON_NAME_OWNERS,
  TB_NOT_A_NAME,        /* value-level.ts NOT_A_NAME */
  /* TB_EXTRA slots taken (write yours here): EXTRA0 engine.ts GENERIC_ADDRESSEES (text.c),
   * EXTRA1 engine.ts CONJUNCTIONS (text.c), EXTRA2 cn.ts PROVINCE_NAMES (cn.c),
   * EXTRA3 engine.ts VERSION_WORDS (digits.c), EXTRA4 engine.ts VERSION_IN_WORDS (digits.c) */
  TB_EXTRA0, TB_EXTRA1, TB_EXTRA2, TB_EXTRA3, TB_EXTRA4, TB_EXTRA5, TB_EXTRA6, TB_EXTRA7,
  TB_EXTRA8, TB_EXTRA9, TB_EXTRA10, TB_EXTRA11, TB_EXTRA12, TB_EXTRA13, TB_EXTRA14, TB_EXTRA15,
  TB_COUNT
};
extern void *TBL[TB_COUNT];
extern u32 TBL_BYTES[TB_COUNT];
/* A table written as a word list by the loader (see wasm-engine.ts writeWords). */
const WordList *table_words(u32 id);
bool_t sorted_has_u32(const u32 *a, i32 n, u32 v); /* binary search of a sorted array */

/* Scalar parameters (params.ts, resolved by the loader with `current`). */
typedef struct {
  i32 geo_dec;        /* geoMinDecimals() */
  i32 genomic_min;    /* GENOMIC_MIN_BASES */
  bool_t unionpay_loose; /* UNIONPAY_NON_LUHN */
  i32 today;          /* cn.ts TODAY: yyyymmdd (UTC) when the engine was loaded */
  i32 this_year;      /* cn.ts THIS_YEAR */
} Params;
extern Params P;

/* --- memory ------------------------------------------------------------------------------ */
void *dc_alloc(u32 bytes);          /* persistent, 8-aligned, zeroed */
void *scratch_alloc(u32 bytes);     /* until the next value, 8-aligned, not zeroed */
/* Readers' input (csv.c, jsonl.c): room for n more bytes after the unread rest in[pos, len),
 * which moves to the start; returns where the new bytes go. */
u8 *input_room(u8 **in, i32 *len, i32 *cap, i32 *pos, i32 n);
/* Room for `need` units of a reader's decoded values (what was there is not kept). */
void units_room(u16 **units, i32 *cap, i32 need);
void copy_units(u16 *dst, const u16 *src, i32 n);

/* --- JavaScript imports ------------------------------------------------------------------ */
/* phone.ts intlValid(digits): digits are the ASCII digits at `ptr` (u8, n of them). Returns
 * the region packed as JUR(a, b), or 0 when not valid, or 1 when valid without a region. */
IMPORT(intl_valid) u32 js_intl_valid(const u8 *ptr, i32 n);
/* phone.ts nanpCountry(d, at) for a number whose NPA is in OTHER_NANP (it asks libphonenumber,
 * once per NPA): the 10 digit values at `d`. Returns the region packed, or 0 (undefined). */
IMPORT(nanp_country_other) u32 js_nanp_country_other(const i8 *d);

/* --- the port: one prototype per TypeScript function -------------------------------------- */
/* core.c: engine.ts run / narrowed / token / emit / hasContext; Hits */
i32 token(i32 i);

/* text.c: engine.ts word … genomicLine (letters, mixed tokens, punctuation-triggered) */
i32 word(i32 i, i32 j, i32 upper, i32 lower);
void name_after_keyword(i32 i, i32 j);
i32 mixed(i32 i, i32 j, i32 digits, i32 upper, i32 lower);
i32 hkid(i32 i, i32 j, i32 letters);
bool_t passport(i32 i, i32 j);
i32 icd10(i32 i, i32 j);
i32 iban(i32 i, i32 j);
i32 mac(i32 i, u32 sep);
i32 mac_cisco(i32 i);
bool_t mac_bare(i32 i, i32 j);
i32 uuid(i32 i, u32 first);
i32 email(i32 at);
i32 ipv6(i32 i);
i32 plus(i32 i);
i32 paren(i32 i);
void genomic_line(void);

/* digits.c: engine.ts digitChain … nine */
i32 digit_chain(i32 i, i32 j);
i32 skip_chain(i32 j);
i32 groups_at(i32 k, i32 last);
bool_t card_groups(i32 k, i32 m, i32 total);
i32 mobile_groups(i32 k, i32 last, i32 span_start);
bool_t nanp(i32 k, i32 span_start);
bool_t ipv4(i32 k);
i32 decimal(i32 k);
i32 date(i32 k, i32 L0, i32 L2);
i32 cn_date(i32 i, i32 j);
bool_t ssn_itin(i32 a, i32 b, f64 base);
bool_t ssn_itin_digits(i32 a, i32 b, f64 base);
void bare(i32 a, i32 b, i32 k, i32 last);
void street(i32 a, i32 b);
void card(i32 a, i32 b, i32 L);
void nine(i32 a, i32 b);
i32 load_digits(const u16 *s, i32 a, i32 b); /* engine.ts loadDigits → dig[] */

/* engine.ts module helpers used by more than one file (owner in brackets) */
bool_t is_open_paren(u32 c);                                     /* [text.c] isOpenParen */
bool_t is_close_paren(u32 c);                                    /* [text.c] isCloseParen */
i32 word_before(const u16 *s, i32 from, i32 p);                  /* [text.c] wordBefore */
i32 hex_run(const u16 *s, i32 a, i32 b);                         /* [text.c] hexRun */
bool_t uscc_region_ok(const u16 *s, i32 at);                     /* [digits.c] usccRegionOk */
bool_t ipv4_no_ones(i32 a, i32 b, i32 c, i32 d);                 /* [digits.c] ipv4NoOnes */
bool_t version_word_before(const u16 *s, i32 from, i32 a);       /* [digits.c] versionWordBefore */
i32 num2(const u16 *s, i32 at);                                  /* [digits.c] */
bool_t valid_cal(i32 y, i32 m, i32 d);                           /* [digits.c] validCal */
bool_t is_test_pan(const i8 *d, i32 n);                          /* [digits.c] isTestPan */
bool_t card_issuer(const i8 *d, i32 L);                          /* [digits.c] cardIssuer */
bool_t in_ranges(const i32 *pairs, i32 n_pairs, i32 v);          /* [digits.c] inRanges */
bool_t all_zero(const i8 *d, i32 n);                             /* [digits.c] allZero */

/* han.c: engine.ts han / hanName */
i32 han(i32 i);
i32 han_name(i32 i);

/* value_level.c: value-level.ts valueLevel (true when the value was classified) */
bool_t value_level(const u16 *s, i32 from, i32 to);
extern u32 VALUE_LEVEL_BITS;

/* cn.c: cn.ts */
extern const u8 *HAN; /* TB_HAN */
#define HAN_PLATE 1
#define HAN_ADMIN 2
#define HAN_STREET 4
#define HAN_SURNAME 8
#define HAN_KEY 16
#define HAN_COMPOUND 32
bool_t valid_province(const u16 *s, i32 at);
i32 days_in(i32 y, i32 m);
bool_t valid_birth_date(i32 y, i32 m, i32 d);
i32 num(const u16 *s, i32 from, i32 len);
bool_t cn_id18_valid(const u16 *s, i32 from);
bool_t cn_id15_valid(const u16 *s, i32 from);
bool_t not_name_word_at(const u16 *s, i32 p);
bool_t is_name_end(u32 c);
bool_t is_han(u32 c);
bool_t is_plate_char(u32 c);
i32 plate_at(const u16 *s, i32 i, i32 to);
bool_t is_address_char(u32 c);
bool_t address_in(const u16 *s, i32 run_start, i32 run_end, i32 *a, i32 *b);
void cn_init(void); /* called by dc_init: the lookups cn.c derives from its tables */

/* phone.c: phone.ts (dig-based) */
i32 cn_mobile_tier(const i8 *d, i32 at);
bool_t nanp_valid(const i8 *d, i32 at);
u32 nanp_country(const i8 *d, i32 at); /* packed region, 0 = undefined */
bool_t cn_landline_valid(const i8 *d, i32 at, i32 area_len, i32 local_len);

/* checksums.c: checksums.ts */
bool_t luhn_valid(const u16 *s, i32 from, i32 to);
bool_t luhn_digits(const i8 *d, i32 n);
bool_t uscc_valid(const u16 *s, i32 from);
bool_t hkid_valid(const u16 *s, i32 from, i32 letters, i32 check_at);
bool_t tw_id_valid(const u16 *s, i32 from);
bool_t aba_valid(const u16 *s, i32 from);
bool_t iban_mod97_valid(const u16 *s, i32 from, i32 to);
bool_t is_base58_char(u32 c);
i32 base58_check_version(const u16 *s, i32 from, i32 to);
bool_t bech32_valid(const u16 *s, i32 from, i32 to);
i32 eip55(const u16 *s, i32 from); /* 2 = 'checksum', 1 = 'plain', 0 = false */
bool_t base58_check_valid(const u16 *s, i32 from, i32 to);
u32 cn_id_check_unit(const u16 *s, i32 from); /* cnIdCheckChar as a code unit */

/* keccak.c: keccak.ts */
void keccak_lower40(const u16 *s, i32 at);
i32 hash_nibble(i32 k);

/* decimals.c: decimals.ts */
bool_t abs_above(const u16 *s, i32 a, i32 dot, i32 b, i32 limit);
bool_t is_zero_decimal(const u16 *s, i32 a, i32 b);

/* --- batches (core.c): values scanned in one call, BATCH_GAP zero units after each ------ */
#define BATCH_GAP 32
typedef struct {
  i32 cap_values, cap_units;
  i32 *off, *len;
  u32 *hints, *flags;
  u16 *units;
  /* results of the last dc_scan_batch (in its scratch arena: valid until the next call) */
  i32 n_hits;
  i32 *value;
  u8 *ti;
  i32 *start, *end;
  f64 *conf;
  u16 *jur;
  i32 *narrowed; /* per value: address of the narrowed text, or 0 */
} Batch;
extern Batch B;
i32 scan_values(i32 count, const i32 *off, const i32 *len, const u32 *hints, const u32 *flags, u16 *units, f64 min_conf);

/* --- bookkeeping in the module (book.c) --------------------------------------------------- */
void book_batch(const i32 *col, const i32 *rec, const i32 *off, const u16 *units);
bool_t book_on(void);

/* csv.c: UTF-8 s[0, n) as UTF-16 units at out, as TextDecoder does (also read by jsonl.c) */
i32 decode_utf8(const u8 *s, i32 n, u16 *out);

#endif
