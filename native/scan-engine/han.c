/*
 * Han text: vehicle plates, mainland address runs and names after a keyword.
 * Ports engine.ts `han` and `hanName`.
 */
#include "dc.h"

i32 han(i32 i) {
  const u16 *s = E.s;
  u32 c = s[i];
  u32 h = HAN[c];
  if ((h & HAN_PLATE) && i + 2 < E.to && is_upper_c(s[i + 1]) && (is_plate_char(s[i + 2]) || s[i + 2] == 0xb7 || s[i + 2] == 0x2022 || s[i + 2] == 32)) {
    i32 e = plate_at(s, i, E.to);
    if (e > 0) {
      emit(T_cn_vehicle_plate, i, e, 0.85, JUR_DEFAULT);
      return e;
    }
  }
  if (i >= E.han_done) {
    /* the address run: Han, digits, letters, '-', '#' up to punctuation or space */
    i32 r = i + 1;
    u32 marks = h;
    while (r < E.to && r - i < 120) {
      u32 d = s[r];
      if (!is_address_char(d)) break;
      if (d >= 0x3400 && d <= 0x9fff) marks |= HAN[d];
      r++;
    }
    E.han_done = r;
    /* an address needs an administrative and a street marker somewhere in the run */
    if (r - i >= 6 && (marks & HAN_ADMIN) && (marks & HAN_STREET)) {
      i32 a, b;
      if (address_in(s, i, r, &a, &b)) emit(T_cn_address, a, b, 0.75, JUR_DEFAULT);
    }
  }
  if (h & HAN_KEY) return han_name(i);
  return i + 1;
}

/* 姓名：张三 / 联系人 李四 … */
i32 han_name(i32 i) {
  const u16 *s = E.s;
  u32 c1 = s[i + 1];
  /* 姓名 联系人 收件人 收货人 客户 患者 持卡人: check the second character before anything else */
  if (c1 != 0x540d && c1 != 0x7cfb && c1 != 0x4ef6 && c1 != 0x8d27 && c1 != 0x6237 && c1 != 0x8005 && c1 != 0x5361) return i + 1;
  const WordList *kws = table_words(TB_NAME_KEYWORDS);
  const WordList *compounds = table_words(TB_COMPOUND_SURNAMES);
  for (i32 k = 0; k < kws->count; k++) {
    i32 n = kws->len[k];
    const u16 *kw = kws->units + kws->off[k];
    i32 q0 = 0;
    while (q0 < n && s[i + q0] == kw[q0]) q0++;
    if (q0 != n) continue;
    i32 p = i + n;
    while (p < E.to && (s[p] == 58 || s[p] == 0xff1a || s[p] == 32 || s[p] == 0x4e3a /* 为 */ || s[p] == 0x662f /* 是 */)) p++;
    i32 start = p;
    u32 c0 = s[p];
    bool_t compound = (HAN[c0] & HAN_COMPOUND) != 0 && wl_starts_any(compounds, s, p, E.to);
    if (!compound && !(HAN[c0] & HAN_SURNAME)) return i + 1;
    /* right after the keyword: a word that starts with a surname character (客户关系, 患者满意度) */
    if (p == i + n && !compound && p + 2 <= E.to && not_name_word_at(s, p)) return i + 1;
    i32 q = p + (compound ? 2 : 1);
    i32 given = 0;
    while (q < E.to && given < 2 && is_han(s[q]) && !(HAN[s[q]] & HAN_KEY) && !is_name_end(s[q])) {
      q++;
      given++;
    }
    if (given == 0) return i + 1;
    emit(T_person_name, start, q, 0.8, JUR_DEFAULT);
    return q;
  }
  return i + 1;
}
