/*
 * JSON lines read from UTF-8 bytes inside the module, then scanned in one call.
 *
 * src/scan/readers/jsonl.ts is the reference (its FlatLine fast path, json-line.ts, for the
 * lines read here): the same records, fields, values, record ids and line numbers, held to it
 * by src/scan/wasm/jsonl-parity.test.ts. This reader takes only lines it is sure about: a flat
 * object whose values are strings, integers, decimals that JavaScript writes back as written but
 * for trailing fraction zeros (12.50 is 12.5), true, false or null, with keys it has been told the
 * names of. Any other line is handed to jsonl.ts, alone (ST_LINE), and reading goes on after it: a
 * nested value, a decimal JavaScript writes otherwise (1e3, 0.0000001), a duplicate key, a key with
 * an escape or starting with a digit,
 * a syntax error. Declining is always exact, since jsonl.ts then reads
 * the line as it always does.
 *
 * Keys: a table of key bytes → entry. jsonl.ts names entries (KeyFolder order matters, so it
 * names them on the lines where it would have named them itself): a line with a key not named
 * yet, or any line after jsonl.ts read one that left keys unnamed (`want_names`), is handed to
 * it with its keys listed (key_entry); it reads the line and writes the names' contexts into
 * the ent_* arrays. More than `max_entries` keys, or a line longer than `max_line` bytes, and
 * the rest of the input goes to jsonl.ts (ST_FALLBACK at a line start).
 *
 * Lines: LF ends a line, a CR just before it is dropped, a lone CR stays in the line (as JSON
 * whitespace), as lines.ts splits them.
 */
#include "dc.h"
#include <wasm_simd128.h>

/* dc_jsonl_next's status */
#define ST_NEED_INPUT 0 /* every whole line is out: more bytes, or the end */
#define ST_FULL 1       /* the value or record arrays are full: call again (no new bytes) */
#define ST_FALLBACK 2   /* the rest from `pos` (a line start, line `line`) is left to jsonl.ts */
#define ST_LINE 3       /* jsonl.ts reads line line_no (in[line_a, line_b)); reading goes on after it */

/* parse_line's result */
#define R_OK 0
#define R_BLANK 1
#define R_DECLINE 2
#define R_FALLBACK 3

/* field kinds (json-line.ts) */
#define K_PLAIN 0
#define K_ESCAPED 1
#define K_NUMBER 2
#define K_LITERAL 3

/* record id kinds */
#define ID_LINE 0   /* the line number (rec_line) */
#define ID_STRING 1 /* units[id_off, id_off + id_len) */
#define ID_NUMBER 2 /* the integer token in[id_off, id_off + id_len) as written */

#define LF 10
#define CR 13
#define QUOTE 34
#define BACKSLASH 92
/* A longer key declines its line: keys are copied into the table and this bounds it. */
#define MAX_KEY_BYTES 1024
/* Integers of more digits decline their line: Number() of 309 digits may be Infinity. */
#define MAX_INT_DIGITS 300

/* Every member is 4 bytes: the loader reads them as i32 words (see the assertion below). */
typedef struct {
  i32 status, n_records, n_values, n_new;
  i32 line, pos, in_len, in_cap;
  i32 line_a, line_b, line_no, n_keys;
  i32 n_entries, max_entries, max_line, want_names;
  i32 cap_values, cap_units, cap_records, chunk_at;
  u8 *in;
  i32 *off, *len;
  u32 *hints, *flags;
  u16 *units;
  i32 *col, *rec;    /* per value: its entry, its record (0 = the first of this call) */
  i32 *new_entries;  /* entries whose first scanned value is in this call, in order */
  i32 *rec_line, *id_kind, *id_off, *id_len; /* per record */
  i32 *key_entry;    /* ST_LINE: the entry of each key of the line, in order (n_keys) */
  i32 *ent_named;    /* per entry, written by jsonl.ts: 1 once named, */
  u32 *ent_hints, *ent_flags; /* the context of its name, */
  i32 *ent_isid;     /* 1 when its name is the id key */
} Jsonl;
static Jsonl J;

_Static_assert(__builtin_offsetof(Jsonl, in) == 80 && __builtin_offsetof(Jsonl, units) == 100 && __builtin_offsetof(Jsonl, new_entries) == 112 &&
                   __builtin_offsetof(Jsonl, rec_line) == 116 && __builtin_offsetof(Jsonl, key_entry) == 132 && __builtin_offsetof(Jsonl, ent_isid) == 148,
               "Jsonl layout (read by src/scan/readers/jsonl-module.ts)");

/* The key table (internal): entries' key bytes in `arena`, open addressing on an FNV-1a hash. */
static i32 ent_cap;
static i32 *ent_key_off, *ent_key_len, *ent_stamp, *ent_has_value;
static u32 *ent_hash;
static i32 *slots; /* entry + 1, 0 = empty */
static u32 slot_mask;
static u8 *arena;
static i32 arena_len, arena_cap;
static i32 serial;

/* The fields of the line being read (phase one), read again to emit its values (phase two). */
static i32 nf;
static i32 *f_kind, *f_a, *f_b, *f_entry;

static i32 upos;

static i32 units_needed(void) { return J.in_cap + BATCH_GAP * (J.cap_values + 2); }

/* A new file: at most `max_entries` keys and `max_line` bytes per line before ST_FALLBACK. */
EXPORT(dc_jsonl_setup) Jsonl *dc_jsonl_setup(i32 max_entries, i32 max_line) {
  if (max_entries + 1 > ent_cap) {
    ent_cap = max_entries + 1;
    u32 b = (u32)ent_cap * 4u;
    ent_key_off = (i32 *)dc_alloc(b);
    ent_key_len = (i32 *)dc_alloc(b);
    ent_stamp = (i32 *)dc_alloc(b);
    ent_has_value = (i32 *)dc_alloc(b);
    ent_hash = (u32 *)dc_alloc(b);
    J.key_entry = (i32 *)dc_alloc(b);
    J.ent_named = (i32 *)dc_alloc(b);
    J.ent_hints = (u32 *)dc_alloc(b);
    J.ent_flags = (u32 *)dc_alloc(b);
    J.ent_isid = (i32 *)dc_alloc(b);
    J.new_entries = (i32 *)dc_alloc(b);
    f_kind = (i32 *)dc_alloc(b);
    f_a = (i32 *)dc_alloc(b);
    f_b = (i32 *)dc_alloc(b);
    f_entry = (i32 *)dc_alloc(b);
    u32 size = 64;
    while (size < (u32)ent_cap * 2u) size <<= 1;
    slots = (i32 *)dc_alloc(size * 4u);
    slot_mask = size - 1;
  } else {
    __builtin_memset(slots, 0, (slot_mask + 1) * 4u);
  }
  __builtin_memset(ent_stamp, 0, (u32)ent_cap * 4u);
  __builtin_memset(ent_has_value, 0, (u32)ent_cap * 4u);
  __builtin_memset(J.ent_named, 0, (u32)ent_cap * 4u);
  serial = 0;
  arena_len = 0;
  J.n_entries = 0;
  J.max_entries = max_entries;
  J.max_line = max_line;
  J.want_names = 0;
  J.line = 1;
  J.pos = 0;
  J.in_len = 0;
  J.chunk_at = 0;
  i32 values = ent_cap > 16384 ? ent_cap : 16384;
  if (values > J.cap_values) {
    J.cap_values = values;
    J.off = (i32 *)dc_alloc((u32)values * 4u);
    J.len = (i32 *)dc_alloc((u32)values * 4u);
    J.hints = (u32 *)dc_alloc((u32)values * 4u);
    J.flags = (u32 *)dc_alloc((u32)values * 4u);
    J.col = (i32 *)dc_alloc((u32)values * 4u);
    J.rec = (i32 *)dc_alloc((u32)values * 4u);
  }
  if (J.cap_records < 16384) {
    J.cap_records = 16384;
    J.rec_line = (i32 *)dc_alloc(16384u * 4u);
    J.id_kind = (i32 *)dc_alloc(16384u * 4u);
    J.id_off = (i32 *)dc_alloc(16384u * 4u);
    J.id_len = (i32 *)dc_alloc(16384u * 4u);
  }
  units_room(&J.units, &J.cap_units, units_needed());
  return &J;
}

/*
 * Room for `n` more bytes after the unread rest (moved to the start); returns where to write
 * them. dc_jsonl_next(n, ...) then reads them.
 */
EXPORT(dc_jsonl_input) u8 *dc_jsonl_input(i32 n) {
  u8 *at = input_room(&J.in, &J.in_len, &J.in_cap, &J.pos, n);
  J.chunk_at = J.in_len;
  units_room(&J.units, &J.cap_units, units_needed());
  return at;
}

/* The first LF at or after p (in_len if none): eight bytes a step while none is among them. */
static i32 find_lf(i32 p) {
  const u8 *in = J.in;
  i32 n = J.in_len;
  while (p + 8 <= n) {
    unsigned long long w;
    __builtin_memcpy(&w, in + p, 8);
    unsigned long long x = w ^ 0x0a0a0a0a0a0a0a0aull;
    if (((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0) break;
    p += 8;
  }
  while (p < n && in[p] != LF) p++;
  return p;
}

static inline bool_t is_ws(u32 c) { return c == 32 || c == 9 || c == 10 || c == 13; }
static inline u32 hex_val(u32 c) { return c <= 57 ? c - 48 : (c | 32) - 87; }

static i32 skip_ws(i32 p, i32 b) {
  while (p < b && is_ws(J.in[p])) p++;
  return p;
}

/* The entry of key in[a, b) with hash h, or -1. */
static i32 find_key(i32 a, i32 b, u32 h) {
  u32 i = h & slot_mask;
  i32 n = b - a;
  for (;;) {
    i32 e = slots[i] - 1;
    if (e < 0) return -1;
    if (ent_hash[e] == h && ent_key_len[e] == n) {
      const u8 *k = arena + ent_key_off[e];
      i32 j = 0;
      while (j < n && k[j] == J.in[a + j]) j++;
      if (j == n) return e;
    }
    i = (i + 1) & slot_mask;
  }
}

/* Adds key in[a, b) (not named yet) as the next entry. */
static i32 add_key(i32 a, i32 b, u32 h) {
  i32 n = b - a;
  if (arena_len + n > arena_cap) {
    i32 cap = (arena_len + n) * 2 + 4096;
    u8 *na = (u8 *)dc_alloc((u32)cap);
    if (arena_len > 0) __builtin_memcpy(na, arena, (u32)arena_len);
    arena = na;
    arena_cap = cap;
  }
  __builtin_memcpy(arena + arena_len, J.in + a, (u32)n);
  i32 e = J.n_entries++;
  ent_key_off[e] = arena_len;
  ent_key_len[e] = n;
  ent_hash[e] = h;
  ent_stamp[e] = 0;
  ent_has_value[e] = 0;
  J.ent_named[e] = 0;
  arena_len += n;
  u32 i = h & slot_mask;
  while (slots[i] != 0) i = (i + 1) & slot_mask;
  slots[i] = e + 1;
  return e;
}

/* After the closing brace: only whitespace may follow. */
static i32 tail(i32 p, i32 b) { return skip_ws(p, b) == b ? R_OK : R_DECLINE; }

/*
 * Phase one: in[p, b) as a flat object (json-line.ts FlatLine.read, integers only), its fields
 * in f_*. Keys new to the table are added, unnamed. Sets *unnamed when a key is not named.
 */
static i32 parse_line(i32 p, i32 b, i32 *unnamed) {
  const u8 *s = J.in;
  nf = 0;
  p = skip_ws(p, b);
  if (p == b) return R_BLANK;
  if (s[p] != '{') return R_DECLINE;
  p = skip_ws(p + 1, b);
  if (p < b && s[p] == '}') return tail(p + 1, b);
  i32 line_serial = ++serial;
  for (;;) {
    /* key */
    if (p >= b || s[p] != QUOTE) return R_DECLINE;
    i32 k0 = p + 1, q = k0;
    u32 h = 2166136261u;
    for (;;) {
      if (q >= b) return R_DECLINE;
      u32 c = s[q];
      if (c == QUOTE) break;
      if (c == BACKSLASH || c < 32) return R_DECLINE; /* escaped keys: rare, left to jsonl.ts */
      h = (h ^ c) * 16777619u;
      q++;
    }
    /* "0", "12" … are array indices: JavaScript enumerates them first, whatever the order */
    if (q > k0 && is_digit(s[k0])) return R_DECLINE;
    if (q - k0 > MAX_KEY_BYTES) return R_DECLINE;
    i32 e = find_key(k0, q, h);
    if (e < 0) {
      if (J.n_entries >= J.max_entries) return R_FALLBACK;
      e = add_key(k0, q, h);
    }
    if (ent_stamp[e] == line_serial) return R_DECLINE; /* duplicate key: the last one wins in JSON.parse */
    ent_stamp[e] = line_serial;
    if (!J.ent_named[e]) *unnamed = 1;
    p = skip_ws(q + 1, b);
    if (p >= b || s[p] != ':') return R_DECLINE;
    p = skip_ws(p + 1, b);
    if (p >= b) return R_DECLINE;
    /* value */
    u32 c0 = s[p];
    i32 kind, a, r;
    if (c0 == QUOTE) {
      bool_t esc = 0;
      r = p + 1;
      for (;;) {
        /* sixteen bytes at a time up to the next '"', backslash or control character */
        const v128_t vq = wasm_i8x16_splat(QUOTE), vb = wasm_i8x16_splat(BACKSLASH), v32 = wasm_u8x16_splat(32);
        while (r + 16 <= b) {
          v128_t x = wasm_v128_load(s + r);
          u32 m = (u32)wasm_i8x16_bitmask(wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(x, vq), wasm_i8x16_eq(x, vb)), wasm_u8x16_lt(x, v32)));
          u32 t = m == 0 ? 16u : (u32)__builtin_ctz(m);
          r += (i32)t;
          if (t < 16) break;
        }
        if (r >= b) return R_DECLINE;
        u32 c = s[r];
        if (c == QUOTE) break;
        if (c < 32) return R_DECLINE;
        if (c == BACKSLASH) {
          esc = 1;
          u32 d = r + 1 < b ? s[r + 1] : 0;
          if (d == 'u') {
            if (r + 5 >= b || !is_hexc(s[r + 2]) || !is_hexc(s[r + 3]) || !is_hexc(s[r + 4]) || !is_hexc(s[r + 5])) return R_DECLINE;
            r += 6;
          } else if (d == QUOTE || d == BACKSLASH || d == '/' || d == 'b' || d == 'f' || d == 'n' || d == 'r' || d == 't')
            r += 2;
          else
            return R_DECLINE;
          continue;
        }
        r++;
      }
      kind = esc ? K_ESCAPED : K_PLAIN;
      a = p + 1; /* the text inside the quotes, escaped or not */
      p = r + 1;
    } else if (c0 == '-' || is_digit(c0)) {
      a = p;
      r = c0 == '-' ? p + 1 : p;
      i32 d0 = r;
      if (r >= b) return R_DECLINE;
      if (s[r] == '0')
        r++;
      else if (s[r] >= '1' && s[r] <= '9')
        while (r < b && is_digit(s[r])) r++;
      else
        return R_DECLINE;
      if (r - d0 > MAX_INT_DIGITS) return R_DECLINE;
      /* the text scanned: String(Number(t)), which for the numbers read here is a prefix of t */
      i32 end = r;
      if (r < b && s[r] == '.') {
        /* a decimal is read here only when String(Number(t)) is t less its trailing fraction zeros
           (and its point, when they are all the fraction; -0.0 is then "-0", which emit_record writes
           as "0"): no exponent, at most 15 significant digits once those zeros are gone (every such
           decimal is the shortest that gives its double), and not below 1e-6 unless 0 (JavaScript
           writes 1e-7). Any other (1e3, 0.0000001, 0.30000000000000004) is jsonl.ts's to write. */
        i32 int_digits = r - d0;
        i32 f0 = ++r;
        while (r < b && is_digit(s[r])) r++;
        if (r == f0) return R_DECLINE;
        i32 last = r; /* after the last fraction digit that is not 0 (f0: none) */
        while (last > f0 && s[last - 1] == '0') last--;
        i32 sig;
        if (int_digits == 1 && s[d0] == '0') {
          i32 z = f0;
          while (z < last && s[z] == '0') z++;
          if (last > f0 && z - f0 > 5) return R_DECLINE;
          sig = last - z;
        } else
          sig = int_digits + (last - f0);
        if (sig > 15) return R_DECLINE;
        end = last > f0 ? last : f0 - 1;
      }
      /* an exponent: String(Number(t)) is jsonl.ts's to write */
      if (r < b && (s[r] | 32) == 'e') return R_DECLINE;
      kind = K_NUMBER;
      p = r;
      r = end;
    } else {
      a = p;
      if (c0 == 't' && p + 4 <= b && s[p + 1] == 'r' && s[p + 2] == 'u' && s[p + 3] == 'e')
        r = p + 4;
      else if (c0 == 'f' && p + 5 <= b && s[p + 1] == 'a' && s[p + 2] == 'l' && s[p + 3] == 's' && s[p + 4] == 'e')
        r = p + 5;
      else if (c0 == 'n' && p + 4 <= b && s[p + 1] == 'u' && s[p + 2] == 'l' && s[p + 3] == 'l')
        r = p + 4;
      else
        return R_DECLINE; /* a nested object or array, or not JSON */
      kind = K_LITERAL;
      p = r;
    }
    i32 k = nf++;
    f_kind[k] = kind;
    f_a[k] = a;
    f_b[k] = r;
    f_entry[k] = e;
    p = skip_ws(p, b);
    if (p >= b) return R_DECLINE;
    u32 sep = s[p];
    if (sep == '}') return tail(p + 1, b);
    if (sep != ',') return R_DECLINE;
    p = skip_ws(p + 1, b);
  }
}

/* A JSON string's text in[a, b) (between its quotes, escapes checked) as UTF-16 units at out. */
static i32 decode_escaped(i32 a, i32 b, u16 *out) {
  const u8 *s = J.in;
  i32 k = 0, i = a;
  while (i < b) {
    i32 j = i;
    while (j < b && s[j] != BACKSLASH) j++;
    /* an escape is ASCII, which ends any UTF-8 sequence: decoding piece by piece is decoding it whole */
    k += decode_utf8(s + i, j - i, out + k);
    if (j >= b) break;
    u32 d = s[j + 1];
    if (d == 'u') {
      out[k++] = (u16)(hex_val(s[j + 2]) << 12 | hex_val(s[j + 3]) << 8 | hex_val(s[j + 4]) << 4 | hex_val(s[j + 5]));
      i = j + 6;
      continue;
    }
    out[k++] = (u16)(d == 'b' ? 8 : d == 'f' ? 12 : d == 'n' ? 10 : d == 'r' ? 13 : d == 't' ? 9 : d);
    i = j + 2;
  }
  return k;
}

/* A value of entry e at upos, n units long (already written). */
static void emit_value(i32 n, i32 e) {
  i32 v = J.n_values++;
  J.off[v] = upos;
  J.len[v] = n;
  J.col[v] = e;
  J.rec[v] = J.n_records;
  J.hints[v] = J.ent_hints[e];
  J.flags[v] = J.ent_flags[e];
  if (!ent_has_value[e]) {
    ent_has_value[e] = 1;
    J.new_entries[J.n_new++] = e;
  }
  upos += n + BATCH_GAP;
}

/* Phase two: the fields of the line just parsed as values of record n_records (jsonl.ts scanFlat). */
static void emit_record(i32 line_no) {
  const u8 *s = J.in;
  i32 r = J.n_records;
  J.rec_line[r] = line_no;
  J.id_kind[r] = ID_LINE;
  for (i32 k = 0; k < nf; k++) {
    i32 e = f_entry[k], a = f_a[k], b = f_b[k], kind = f_kind[k];
    bool_t is_id = J.ent_isid[e];
    u16 *out = J.units + upos;
    i32 n;
    if (kind == K_PLAIN)
      n = decode_utf8(s + a, b - a, out); /* ASCII is widened 16 bytes at a time there too */
    else if (kind == K_ESCAPED)
      n = decode_escaped(a, b, out);
    else if (kind == K_NUMBER) {
      if (is_id) {
        /* a number id is not scanned; jsonl-module.ts reads it as jsonl.ts does (Number, or the long integer as written) */
        J.id_kind[r] = ID_NUMBER;
        J.id_off[r] = a;
        J.id_len[r] = b - a;
        continue;
      }
      /* String(Number(t)) of an integer of at most 15 digits is t, but for -0; a longer one stays as written */
      if (b - a == 2 && s[a] == '-' && s[a + 1] == '0') a++;
      n = b - a;
      for (i32 i = 0; i < n; i++) out[i] = s[a + i];
    } else
      continue;
    if (is_id) {
      J.id_kind[r] = ID_STRING;
      J.id_off[r] = upos;
      J.id_len[r] = n;
    }
    if (n > 0) emit_value(n, e);
  }
  J.n_records++;
}

/*
 * Reads `added` new bytes (written at dc_jsonl_input's address) with what was left, and scans
 * the whole lines among them; `final` says the input ends there. The results: status,
 * n_records, the values (off, len, col, rec), the records' ids, new_entries, and the batch's
 * hits (dc_batch_addr); for ST_LINE also the line handed over.
 */
EXPORT(dc_jsonl_next) i32 dc_jsonl_next(i32 added, i32 final, f64 min_conf) {
  J.in_len += added;
  J.n_records = 0;
  J.n_values = 0;
  J.n_new = 0;
  J.n_keys = 0;
  upos = BATCH_GAP;
  i32 status = ST_NEED_INPUT;
  while (J.pos < J.in_len) {
    i32 p = J.pos;
    i32 e = find_lf(p);
    if (e - p > J.max_line) {
      status = ST_FALLBACK;
      break;
    }
    if (e == J.in_len && !final) break; /* the line goes on in the next bytes */
    i32 next = e < J.in_len ? e + 1 : e;
    i32 b = e > p && J.in[e - 1] == CR ? e - 1 : e;
    i32 unnamed = 0;
    i32 r = parse_line(p, b, &unnamed);
    if (r == R_BLANK) {
      J.pos = next;
      J.line++;
      continue;
    }
    if (r == R_FALLBACK) {
      status = ST_FALLBACK;
      break;
    }
    if (r == R_DECLINE || unnamed || J.want_names) {
      /* jsonl.ts reads this line (and names its keys when C listed them) */
      J.line_a = p;
      J.line_b = b;
      J.line_no = J.line;
      if (r == R_OK) {
        J.n_keys = nf;
        for (i32 k = 0; k < nf; k++) J.key_entry[k] = f_entry[k];
      }
      J.pos = next;
      J.line++;
      status = ST_LINE;
      break;
    }
    if (J.n_values + nf > J.cap_values || J.n_records >= J.cap_records) {
      status = ST_FULL;
      break;
    }
    emit_record(J.line);
    J.pos = next;
    J.line++;
  }
  scan_values(J.n_values, J.off, J.len, J.hints, J.flags, J.units, min_conf);
  if (book_on()) book_batch(J.col, J.rec, J.off, J.units);
  return J.status = status;
}
