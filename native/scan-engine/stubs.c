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
STUB(i32, han, (i32 i), return i + 1;)
STUB(bool_t, value_level, (const u16 *s, i32 from, i32 to), (void)s; (void)from; (void)to; return 0;)
STUB(void, cn_init, (void), )
STUB(void, value_level_init, (void), )
__attribute__((weak)) u32 VALUE_LEVEL_BITS = 0;
