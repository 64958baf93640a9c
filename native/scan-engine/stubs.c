/*
 * Placeholders for the parts of the port not written yet: weak definitions that find
 * nothing, replaced by the real ones as each file lands. The parity test fails while any is
 * still in use (`dc_stubs_used`).
 */
#include "dc.h"

static i32 stubs_used;
#define STUB(ret, name, args, body) __attribute__((weak)) ret name args { stubs_used = 1; body }

EXPORT(dc_stubs_used) i32 dc_stubs_used(void) { return stubs_used; }

STUB(i32, word, (i32 i, i32 j, i32 upper, i32 lower), (void)i; (void)upper; (void)lower; return j;)
STUB(i32, mixed, (i32 i, i32 j, i32 digits, i32 upper, i32 lower), (void)i; (void)digits; (void)upper; (void)lower; return j;)
STUB(i32, mac, (i32 i, u32 sep), (void)i; (void)sep; return -1;)
STUB(i32, mac_cisco, (i32 i), (void)i; return -1;)
STUB(bool_t, mac_bare, (i32 i, i32 j), (void)i; (void)j; return 0;)
STUB(i32, uuid, (i32 i, u32 first), (void)i; (void)first; return -1;)
STUB(i32, email, (i32 at), return at + 1;)
STUB(i32, ipv6, (i32 i), return i + 1;)
STUB(i32, plus, (i32 i), return i + 1;)
STUB(i32, paren, (i32 i), return i + 1;)
STUB(void, genomic_line, (void), )
STUB(i32, digit_chain, (i32 i, i32 j), (void)i; return j;)
STUB(void, cn_init, (void), )

/* Functions of files not written yet (weak: the real definitions replace them). They answer
 * "no" and are never right; they only keep the module linking while the port is under way. */
#define NO(ret, name, args) __attribute__((weak)) ret name args { stubs_used = 1; return 0; }
NO(bool_t, is_plate_char, (u32 c))
NO(i32, plate_at, (const u16 *s, i32 i, i32 to))
NO(bool_t, is_address_char, (u32 c))
NO(bool_t, address_in, (const u16 *s, i32 a, i32 b, i32 *x, i32 *y))
NO(bool_t, not_name_word_at, (const u16 *s, i32 p))
NO(bool_t, is_han, (u32 c))
NO(bool_t, is_name_end, (u32 c))
NO(bool_t, valid_province, (const u16 *s, i32 at))
NO(i32, days_in, (i32 y, i32 m))
NO(bool_t, valid_birth_date, (i32 y, i32 m, i32 d))
NO(i32, num, (const u16 *s, i32 from, i32 len))
NO(bool_t, cn_id18_valid, (const u16 *s, i32 from))
NO(bool_t, cn_id15_valid, (const u16 *s, i32 from))
NO(i32, cn_mobile_tier, (const i8 *d, i32 at))
NO(bool_t, nanp_valid, (const i8 *d, i32 at))
NO(u32, nanp_country, (const i8 *d, i32 at))
NO(bool_t, cn_landline_valid, (const i8 *d, i32 at, i32 area_len, i32 local_len))
NO(bool_t, luhn_valid, (const u16 *s, i32 from, i32 to))
NO(bool_t, luhn_digits, (const i8 *d, i32 n))
NO(bool_t, uscc_valid, (const u16 *s, i32 from))
NO(bool_t, hkid_valid, (const u16 *s, i32 from, i32 letters, i32 check_at))
NO(bool_t, tw_id_valid, (const u16 *s, i32 from))
NO(bool_t, aba_valid, (const u16 *s, i32 from))
NO(bool_t, iban_mod97_valid, (const u16 *s, i32 from, i32 to))
NO(bool_t, is_base58_char, (u32 c))
NO(i32, base58_check_version, (const u16 *s, i32 from, i32 to))
NO(bool_t, bech32_valid, (const u16 *s, i32 from, i32 to))
NO(i32, eip55, (const u16 *s, i32 from))
NO(bool_t, abs_above, (const u16 *s, i32 a, i32 dot, i32 b, i32 limit))
NO(bool_t, is_zero_decimal, (const u16 *s, i32 a, i32 b))
NO(bool_t, is_open_paren, (u32 c))
NO(bool_t, is_close_paren, (u32 c))
NO(i32, word_before, (const u16 *s, i32 from, i32 p))
NO(i32, hex_run, (const u16 *s, i32 a, i32 b))
NO(bool_t, uscc_region_ok, (const u16 *s, i32 at))
NO(bool_t, ipv4_no_ones, (i32 a, i32 b, i32 c, i32 d))
NO(bool_t, version_word_before, (const u16 *s, i32 from, i32 a))
NO(i32, num2, (const u16 *s, i32 at))
NO(bool_t, valid_cal, (i32 y, i32 m, i32 d))
NO(bool_t, is_test_pan, (const i8 *d, i32 n))
NO(bool_t, card_issuer, (const i8 *d, i32 L))
NO(bool_t, in_ranges, (const i32 *pairs, i32 n_pairs, i32 v))
NO(bool_t, all_zero, (const i8 *d, i32 n))
NO(i32, load_digits, (const u16 *s, i32 a, i32 b))
NO(i32, han_name, (i32 i))
NO(i32, skip_chain, (i32 j))
NO(i32, groups_at, (i32 k, i32 last))
NO(bool_t, card_groups, (i32 k, i32 m, i32 total))
NO(i32, mobile_groups, (i32 k, i32 last, i32 span_start))
NO(bool_t, nanp, (i32 k, i32 span_start))
NO(bool_t, ipv4, (i32 k))
NO(i32, decimal, (i32 k))
NO(i32, date, (i32 k, i32 L0, i32 L2))
NO(i32, cn_date, (i32 i, i32 j))
NO(bool_t, ssn_itin, (i32 a, i32 b, f64 base))
NO(bool_t, ssn_itin_digits, (i32 a, i32 b, f64 base))
NO(bool_t, passport, (i32 i, i32 j))
NO(i32, hkid, (i32 i, i32 j, i32 letters))
NO(i32, icd10, (i32 i, i32 j))
NO(i32, iban, (i32 i, i32 j))
__attribute__((weak)) void bare(i32 a, i32 b, i32 k, i32 last) { stubs_used = 1; }
__attribute__((weak)) void street(i32 a, i32 b) { stubs_used = 1; }
__attribute__((weak)) void card(i32 a, i32 b, i32 L) { stubs_used = 1; }
__attribute__((weak)) void nine(i32 a, i32 b) { stubs_used = 1; }
__attribute__((weak)) void name_after_keyword(i32 i, i32 j) { stubs_used = 1; }
