/*
 * Phone number structure on digit values: mainland mobile tiers, NANP and mainland landlines.
 * Ports the digit-array functions of src/scan/detectors/phone.ts (cnMobileTier, nanpValid,
 * nanpCountry, cnLandlineValid); intlValid stays in TypeScript (js_intl_valid).
 *
 * Tables (phone.ts PHONE_TABLES, written by src/scan/wasm/wasm-engine.ts): TB_CN_PREFIX,
 * TB_CN_PREFIX5, TB_CA_NPA, TB_OTHER_NANP.
 */
#include "dc.h"

/* (the tables hold non-negative numbers: read as u32, they sort the same) */
static bool_t table_has(u32 id, i32 v) { return v >= 0 && sorted_has_u32((const u32 *)TBL[id], (i32)(TBL_BYTES[id] / 4u), (u32)v); }

/* 11 digits in `d` (values 0–9) from `at`: 1[3-9]x… → 0 not mobile, 1 recall tier, 2 known segment. */
i32 cn_mobile_tier(const i8 *d, i32 at) {
  if (d[at] != 1) return 0;
  i32 second = d[at + 1];
  if (second < 3) return 0;
  i32 p = ((const u8 *)TBL[TB_CN_PREFIX])[100 + second * 10 + d[at + 2]];
  if (p == 2) return table_has(TB_CN_PREFIX5, 10000 + second * 1000 + d[at + 2] * 100 + d[at + 3] * 10 + d[at + 4]) ? 2 : 1;
  return p ? 2 : 1;
}

/*
 * NANP (+1) structure: NPA [2-9]XX not N11 and not 555 / 9XX-reserved 950+? kept simple,
 * NXX [2-9]XX not N11. 10 digits in `d` from `at`.
 */
bool_t nanp_valid(const i8 *d, i32 at) {
  i32 a0 = d[at];
  i32 a1 = d[at + 1];
  i32 a2 = d[at + 2];
  i32 e0 = d[at + 3];
  i32 e1 = d[at + 4];
  i32 e2 = d[at + 5];
  if (a0 < 2 || e0 < 2) return 0;
  if (a1 == 1 && a2 == 1) return 0;
  if (e1 == 1 && e2 == 1) return 0;
  if (a1 == 9) return 0;            /* N9X area codes are reserved for expansion */
  if (a0 == 3 && a1 == 7) return 0; /* 37X reserved */
  if (a0 == 9 && a1 == 6) return 0; /* 96X reserved */
  return 1;
}

/* Country of a NANP number (10 digits in `d` from `at`), packed (JUR); 0 for undefined. The
 * NPAs of other NANP countries are resolved in TypeScript (libphonenumber, once per NPA). */
u32 nanp_country(const i8 *d, i32 at) {
  i32 npa = d[at] * 100 + d[at + 1] * 10 + d[at + 2];
  if (table_has(TB_CA_NPA, npa)) return JUR('C', 'A');
  if (!table_has(TB_OTHER_NANP, npa)) return JUR('U', 'S');
  return js_nanp_country_other(d + at);
}

/* Mainland landline: 0 + 2–3 digit area code + 7–8 digit local number starting 2–8. */
bool_t cn_landline_valid(const i8 *d, i32 at, i32 area_len, i32 local_len) {
  if (d[at] != 0 || d[at + 1] == 0) return 0;
  if (area_len == 3 && d[at + 1] != 1 && d[at + 1] != 2) return 0; /* 010, 02X */
  if (area_len == 4 && (d[at + 1] == 1 || d[at + 1] == 2)) return 0;
  if (area_len != 3 && area_len != 4) return 0;
  if (local_len != 7 && local_len != 8) return 0;
  i32 l0 = d[at + area_len];
  return l0 >= 2 && l0 <= 8;
}
