/*
 * CSV / TSV records read from UTF-8 bytes inside the module, then scanned in one call.
 *
 * src/scan/readers/csv.ts (CsvParser) is the reference: the same records, cells, values and
 * line numbers, held to it by src/scan/wasm/csv-parity.test.ts. This reader takes the common
 * case only and hands the rest back at a record boundary (ST_FALLBACK): a field of
 * `max_field` bytes or more (csv.ts scans those in windows), a record longer than
 * `max_record`, or more cells than the columns set up. csv.ts then reads on from there.
 *
 * The loader writes bytes after the unread rest of the last call (dc_csv_input), then asks
 * for records (dc_csv_next): whole records are parsed, each non-empty value decoded from
 * UTF-8 into UTF-16 units as TextDecoder / Buffer.toString('utf8') do (every invalid sequence
 * becomes one U+FFFD per maximal subpart), and the values scanned with their column's
 * context. A record cut by the end of the input waits for more bytes, parsed again whole.
 */
#include "dc.h"
#include <wasm_simd128.h>

/* dc_csv_next's status */
#define ST_NEED_INPUT 0   /* every whole record is out: more bytes, or the end */
#define ST_FULL 1         /* the value arrays are full: call again (no new bytes) */
#define ST_FALLBACK 2     /* the record at `pos` is left to csv.ts */
#define ST_UNTERMINATED 3 /* the input ends inside a quoted field (quote_line, record_line) */
#define ST_HEADER 4       /* header mode: the first record's cells are out, empty ones too */

/* parse_record's result */
#define R_DONE 0
#define R_INCOMPLETE 1
#define R_FALLBACK 2
#define R_UNTERMINATED 3
#define R_EMPTY_LINE 4
#define R_FULL 5

#define LF 10
#define CR 13
#define QUOTE 34

/* Every member is 4 bytes: the loader reads them as i32 words (see the assertion below). */
typedef struct {
  i32 status, n_records, n_values, n_new;
  i32 line, quote_line, record_line, pos;
  i32 in_len, in_cap, skip_lf, header;
  i32 delim, ncols, max_field, max_record;
  i32 cap_values, cap_units, tmp_cap, tmp_n;
  u8 *in;
  u32 *col_hints, *col_flags;
  i32 *off, *len;
  u32 *hints, *flags;
  u16 *units;
  i32 *col, *rec; /* per value: its column, its record (0 = the first of this call) */
  i32 *new_cols;  /* columns whose first non-empty value is in this call, in order */
  u8 *seen;
  u8 *tmp; /* a quoted field without its escaping */
} Csv;
static Csv C;

_Static_assert(__builtin_offsetof(Csv, in) == 80 && __builtin_offsetof(Csv, col_hints) == 84 && __builtin_offsetof(Csv, off) == 92 &&
                   __builtin_offsetof(Csv, units) == 108 && __builtin_offsetof(Csv, col) == 112 && __builtin_offsetof(Csv, rec) == 116 &&
                   __builtin_offsetof(Csv, new_cols) == 120,
               "Csv layout (read by src/scan/wasm/csv-module.ts)");

static i32 units_needed(void) { return C.in_cap + BATCH_GAP * (C.cap_values + 2); }

/* A new file: the delimiter, whether its first record is the header, and the limits. */
EXPORT(dc_csv_setup) Csv *dc_csv_setup(i32 delim, i32 header, i32 max_field, i32 max_record) {
  C.delim = delim;
  C.header = header;
  C.max_field = max_field;
  C.max_record = max_record;
  C.line = 1;
  C.skip_lf = 0;
  C.pos = 0;
  C.in_len = 0;
  if (C.tmp_cap < max_field + 8) {
    C.tmp_cap = max_field + 8;
    C.tmp = (u8 *)dc_alloc((u32)C.tmp_cap);
  }
  return &C;
}

/*
 * `ncols` columns with a context (the loader writes their hints and flags at col_hints /
 * col_flags); a record with more cells is left to csv.ts. Keeps the reading state.
 */
EXPORT(dc_csv_columns) Csv *dc_csv_columns(i32 ncols) {
  if (ncols > C.ncols || C.col_hints == 0) {
    C.col_hints = (u32 *)dc_alloc((u32)ncols * 4u + 4u);
    C.col_flags = (u32 *)dc_alloc((u32)ncols * 4u + 4u);
    C.seen = (u8 *)dc_alloc((u32)ncols + 4u);
    C.new_cols = (i32 *)dc_alloc((u32)ncols * 4u + 4u);
  } else
    __builtin_memset(C.seen, 0, (u32)ncols);
  C.ncols = ncols;
  i32 values = ncols + 1 > 16384 ? ncols + 1 : 16384;
  if (values > C.cap_values) {
    C.cap_values = values;
    C.off = (i32 *)dc_alloc((u32)values * 4u);
    C.len = (i32 *)dc_alloc((u32)values * 4u);
    C.hints = (u32 *)dc_alloc((u32)values * 4u);
    C.flags = (u32 *)dc_alloc((u32)values * 4u);
    C.col = (i32 *)dc_alloc((u32)values * 4u);
    C.rec = (i32 *)dc_alloc((u32)values * 4u);
  }
  units_room(&C.units, &C.cap_units, units_needed());
  return &C;
}

/*
 * Room for `n` more bytes after the unread rest (moved to the start); returns where to write
 * them. dc_csv_next(n, ...) then reads them.
 */
EXPORT(dc_csv_input) u8 *dc_csv_input(i32 n) {
  u8 *at = input_room(&C.in, &C.in_len, &C.in_cap, &C.pos, n);
  units_room(&C.units, &C.cap_units, units_needed());
  return at;
}

/*
 * One character of UTF-8 at s[*i] (a byte >= 0x80, s[0, n)) as UTF-16 units at out + k, as the
 * WHATWG decoder does it (an invalid sequence is one U+FFFD per maximal subpart); returns k
 * past them and moves *i past the bytes read.
 */
static i32 decode_one(const u8 *s, i32 n, i32 *at, u16 *out, i32 k) {
  i32 i = *at;
  u32 c = s[i];
  i32 need;
  u32 lo = 0x80, hi = 0xbf, cp;
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    cp = c & 0x0f;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    cp = c & 0x07;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    out[k++] = 0xfffd;
    *at = i + 1;
    return k;
  }
  i++;
  i32 got = 0;
  while (got < need) {
    if (i >= n) break;
    u32 b = s[i];
    if (b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    i++;
    got++;
  }
  *at = i;
  if (got < need) {
    out[k++] = 0xfffd; /* the maximal subpart read so far; the byte that broke it is read again */
    return k;
  }
  if (cp >= 0x10000) {
    cp -= 0x10000;
    out[k++] = (u16)(0xd800 + (cp >> 10));
    out[k++] = (u16)(0xdc00 + (cp & 0x3ff));
  } else
    out[k++] = (u16)cp;

  return k;
}

/*
 * Widens 16 bytes at s to units at out and returns the mask of those that are `a`, `b`, `c`
 * or >= 0x80 (bit k: byte k). Up to 16 units are written whatever the mask: callers leave
 * room (a value's BATCH_GAP).
 */
static inline u32 widen16(const u8 *s, u16 *out, v128_t a, v128_t b, v128_t c) {
  v128_t x = wasm_v128_load(s);
  wasm_v128_store(out, wasm_u16x8_extend_low_u8x16(x));
  wasm_v128_store(out + 8, wasm_u16x8_extend_high_u8x16(x));
  v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(x, a), wasm_i8x16_eq(x, b)), wasm_v128_or(wasm_i8x16_eq(x, c), wasm_i8x16_lt(x, wasm_i8x16_splat(0))));
  return (u32)wasm_i8x16_bitmask(hit);
}

/* UTF-8 s[0, n) as UTF-16 units at out (16 units of room past them); returns the units written. */
i32 decode_utf8(const u8 *s, i32 n, u16 *out) {
  i32 k = 0, i = 0;
  v128_t high = wasm_i8x16_splat((i8)0x80); /* a high byte: marks nothing the high-byte test does not */
  while (i < n) {
    if (i + 16 <= n) {
      u32 m = widen16(s + i, out + k, high, high, high);
      if (m == 0) {
        i += 16;
        k += 16;
        continue;
      }
      u32 t = (u32)__builtin_ctz(m);
      i += (i32)t;
      k += (i32)t;
    } else if (s[i] < 0x80) {
      out[k++] = s[i++];
      continue;
    }
    k = decode_one(s, n, &i, out, k);
  }
  return k;
}

/*
 * The unquoted field at in[p, ...) decoded at out: up to the first delimiter, LF or CR (or the
 * input's end), which is returned; *units gets the units written (16 units of room past them).
 */
static i32 field_decode(i32 p, u16 *out, i32 *units) {
  const u8 *in = C.in;
  i32 n = C.in_len;
  u8 d = (u8)C.delim;
  v128_t vd = wasm_i8x16_splat((i8)d), vlf = wasm_i8x16_splat(LF), vcr = wasm_i8x16_splat(CR);
  i32 k = 0;
  for (;;) {
    if (p + 16 <= n) {
      u32 m = widen16(in + p, out + k, vd, vlf, vcr);
      if (m == 0) {
        p += 16;
        k += 16;
        continue;
      }
      u32 t = (u32)__builtin_ctz(m);
      p += (i32)t;
      k += (i32)t;
    } else {
      while (p < n && in[p] < 0x80 && in[p] != d && in[p] != LF && in[p] != CR) out[k++] = in[p++];
      if (p == n) break;
    }
    u8 c = in[p];
    if (c < 0x80) break; /* the delimiter, LF or CR */
    /* characters of several bytes: their bytes are all >= 0x80, so they cannot hide a terminator.
       Three-byte ones whose every continuation byte is allowed (E1-EC, EE-EF: most of CJK) are
       decoded here, one after another; anything else by decode_one */
    if (p + 2 < n && ((c >= 0xe1 && c <= 0xec) || c >= 0xee) && c <= 0xef && (in[p + 1] & 0xc0) == 0x80 && (in[p + 2] & 0xc0) == 0x80) {
      do {
        out[k++] = (u16)(((u32)(c & 0x0f) << 12) | ((u32)(in[p + 1] & 0x3f) << 6) | (u32)(in[p + 2] & 0x3f));
        p += 3;
        c = p < n ? in[p] : 0;
      } while (p + 2 < n && ((c >= 0xe1 && c <= 0xec) || c >= 0xee) && c <= 0xef && (in[p + 1] & 0xc0) == 0x80 && (in[p + 2] & 0xc0) == 0x80);
      continue;
    }
    i32 e = p + 1;
    while (e < n && e < p + 4 && in[e] >= 0x80) e++;
    k = decode_one(in, e, &p, out, k);
  }
  *units = k;
  return p;
}

/* The first delimiter, LF or CR at or after p (in_len if none). */
static i32 field_end(i32 p) {
  const u8 *in = C.in;
  i32 n = C.in_len;
  u8 d = (u8)C.delim;
  while (p < n) {
    u8 c = in[p];
    if (c == d || c == LF || c == CR) return p;
    p++;
  }
  return n;
}

/* The first '"' at or after p (in_len if none), counting the LFs before it into *line. */
static i32 find_quote(i32 p, i32 *line) {
  const u8 *in = C.in;
  i32 n = C.in_len;
  v128_t vq = wasm_i8x16_splat(QUOTE), vlf = wasm_i8x16_splat(LF);
  while (p + 16 <= n) {
    v128_t x = wasm_v128_load(in + p);
    u32 mq = (u32)wasm_i8x16_bitmask(wasm_i8x16_eq(x, vq));
    u32 ml = (u32)wasm_i8x16_bitmask(wasm_i8x16_eq(x, vlf));
    if (mq != 0) {
      u32 t = (u32)__builtin_ctz(mq);
      *line += __builtin_popcount(ml & ((1u << t) - 1u));
      return p + (i32)t;
    }
    *line += __builtin_popcount(ml);
    p += 16;
  }
  while (p < n && in[p] != QUOTE) {
    if (in[p] == LF) ++*line;
    p++;
  }
  return p;
}

static i32 upos;

/* The value of column `col` decoded at upos (k units): listed when it is not empty (always in header mode). */
static void list_value(i32 k, i32 col, i32 all) {
  if (k == 0 && !all) return;
  i32 v = C.n_values++;
  C.off[v] = upos;
  C.len[v] = k;
  C.col[v] = col;
  C.rec[v] = C.n_records;
  if (!all) {
    C.hints[v] = C.col_hints[col];
    C.flags[v] = C.col_flags[col];
    if (!C.seen[col]) {
      C.seen[col] = 1;
      C.new_cols[C.n_new++] = col;
    }
  }
  upos += k + BATCH_GAP;
}

/* Appends in[a, b) to the unescaped field; false when it reaches max_field. */
static bool_t tmp_add(i32 a, i32 b) {
  if (C.tmp_n + (b - a) >= C.max_field) return 0;
  __builtin_memcpy(C.tmp + C.tmp_n, C.in + a, (u32)(b - a));
  C.tmp_n += b - a;
  return 1;
}

/*
 * The record at C.pos (csv.ts: CsvParser.consume from FIELD_START at a record's start, then
 * field / terminator / finish). On R_DONE the record's values are out and C.pos, C.line are
 * past it; on anything else nothing of it is out.
 */
static i32 parse_record(i32 final, i32 header) {
  const u8 *in = C.in;
  i32 n = C.in_len;
  i32 p = C.pos;
  i32 line = C.line;
  if (!header && (in[p] == LF || in[p] == CR)) {
    /* an empty line is not a record */
    if (in[p] == CR && p + 1 == n && !final) C.skip_lf = 1;
    else if (in[p] == CR && p + 1 < n && in[p + 1] == LF) p++;
    C.pos = p + 1;
    C.line = line + 1;
    return R_EMPTY_LINE;
  }
  if (C.n_values + C.ncols + 1 > C.cap_values) return R_FULL;
  i32 v0 = C.n_values, u0 = upos, new0 = C.n_new;
  i32 result = R_DONE;
  i32 col = 0;
  u8 delim = (u8)C.delim;
  for (;;) {
    if (col >= C.ncols) {
      result = R_FALLBACK;
      break;
    }
    if (!header && p + 1 < n && in[p] == delim) {
      /* an empty cell (half the cells of a wide export): what the rest of the loop does for it */
      col++;
      p++;
      continue;
    }
    if (p < n && in[p] == QUOTE) {
      /* quoted: its text without the quotes, "" as ", then any text after the closing quote */
      i32 quote_line = line;
      p++;
      C.tmp_n = 0;
      i32 closed = 0;
      while (!closed) {
        i32 q = find_quote(p, &line);
        if (q == n) {
          if (final) {
            C.quote_line = quote_line;
            C.record_line = C.line;
            result = R_UNTERMINATED;
          } else
            result = R_INCOMPLETE;
          break;
        }
        if (q + 1 == n && !final) {
          result = R_INCOMPLETE; /* an escaped quote or the closing one: the next byte says */
          break;
        }
        if (q + 1 < n && in[q + 1] == QUOTE) {
          if (!tmp_add(p, q + 1)) {
            result = R_FALLBACK;
            break;
          }
          p = q + 2;
          continue;
        }
        if (!tmp_add(p, q)) {
          result = R_FALLBACK;
          break;
        }
        p = q + 1;
        closed = 1;
      }
      if (!closed) break;
      i32 e = field_end(p);
      if (e == n && !final) {
        result = R_INCOMPLETE;
        break;
      }
      if (!tmp_add(p, e)) {
        result = R_FALLBACK;
        break;
      }
      p = e;
      list_value(decode_utf8(C.tmp, C.tmp_n, C.units + upos), col, header);
    } else {
      i32 k;
      i32 e = field_decode(p, C.units + upos, &k);
      if (e == n && !final) {
        result = R_INCOMPLETE;
        break;
      }
      if (e - p >= C.max_field) {
        result = R_FALLBACK;
        break;
      }
      list_value(k, col, header);
      p = e;
    }
    col++;
    if (p == n) break; /* the end of the input ends the record */
    u8 c = in[p];
    if (c == (u8)C.delim) {
      p++;
      if (p == n) {
        if (!final) result = R_INCOMPLETE;
        break; /* a delimiter at the very end: no empty cell after it */
      }
      continue;
    }
    p++;
    line++;
    if (c == CR) {
      if (p < n) {
        if (in[p] == LF) p++;
      } else if (!final)
        C.skip_lf = 1;
    }
    break;
  }
  if (result == R_INCOMPLETE && n - C.pos > C.max_record) result = R_FALLBACK;
  if (result != R_DONE) {
    C.n_values = v0;
    upos = u0;
    while (C.n_new > new0) C.seen[C.new_cols[--C.n_new]] = 0;
    return result;
  }
  C.pos = p;
  C.line = line;
  C.n_records++;
  return R_DONE;
}

/*
 * Reads `added` new bytes (written at dc_csv_input's address) with what was left, and scans
 * the whole records among them; `final` says the input ends there. The results: status,
 * n_records, the values (off, len, col, rec), new_cols, and the batch's hits (dc_batch_addr).
 */
EXPORT(dc_csv_next) i32 dc_csv_next(i32 added, i32 final, f64 min_conf) {
  C.in_len += added;
  C.n_records = 0;
  C.n_values = 0;
  C.n_new = 0;
  upos = BATCH_GAP;
  i32 status = ST_NEED_INPUT;
  if (C.header) {
    if (C.pos >= C.in_len) return C.status = ST_NEED_INPUT;
    i32 r = parse_record(final, 1);
    if (r == R_DONE) {
      C.header = 0;
      C.n_records = 0;
      return C.status = ST_HEADER;
    }
    return C.status = r == R_INCOMPLETE ? ST_NEED_INPUT : r == R_UNTERMINATED ? ST_UNTERMINATED : ST_FALLBACK;
  }
  for (;;) {
    if (C.skip_lf && C.pos < C.in_len) {
      C.skip_lf = 0;
      if (C.in[C.pos] == LF) C.pos++;
    }
    if (C.pos >= C.in_len) break;
    i32 r = parse_record(final, 0);
    if (r == R_DONE || r == R_EMPTY_LINE) continue;
    if (r == R_INCOMPLETE) break;
    status = r == R_FULL ? ST_FULL : r == R_FALLBACK ? ST_FALLBACK : ST_UNTERMINATED;
    break;
  }
  scan_values(C.n_values, C.off, C.len, C.hints, C.flags, C.units, min_conf);
  if (book_on()) book_batch(C.col, C.rec, C.off, C.units);
  return C.status = status;
}
