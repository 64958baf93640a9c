/**
 * Han-script names: segmentation into legal form, industry words, places and the trade name,
 * plus two secondary keys — pinyin (pinyin-pro) and an English gloss.
 *
 * Neither key is a translation of the name: the brand is often not the pinyin (海康威视 is
 * Haikang Weishi, the brand is Hikvision), which is why registered Chinese names are shipped as
 * a table (src/screen/registered-names/). The keys catch pinyin spellings ("Huawei Jishu Youxian
 * Gongsi") and mixed forms ("Hangzhou Haikang Weishi Digital Technology").
 */
import { pinyin } from 'pinyin-pro';
import { HAN_LEXICON, HAN_LEXICON_MAX, type HanKind } from './han-lexicon.js';

export interface HanSegment {
  /** The characters (simplified). */
  readonly text: string;
  /** `name` for a trade-name run the lexicon does not know. */
  readonly kind: HanKind | 'name';
  /** English gloss, or '' for trade names (use the pinyin). */
  readonly gloss: string;
  readonly generic?: string;
}

/**
 * Forward maximum matching against the lexicon; characters the lexicon does not know are kept
 * together as one trade-name segment (华为, 海康威视).
 */
export function segmentHan(run: string): HanSegment[] {
  const chars = [...run];
  const out: HanSegment[] = [];
  let unknown = '';
  const flush = () => {
    if (unknown) out.push({ text: unknown, kind: 'name', gloss: '' });
    unknown = '';
  };
  let i = 0;
  while (i < chars.length) {
    let hit: { len: number; text: string } | undefined;
    for (let len = Math.min(HAN_LEXICON_MAX, chars.length - i); len >= 1; len--) {
      const text = chars.slice(i, i + len).join('');
      if (HAN_LEXICON.has(text)) {
        hit = { len, text };
        break;
      }
    }
    if (!hit) {
      unknown += chars[i];
      i++;
      continue;
    }
    flush();
    const w = HAN_LEXICON.get(hit.text)!;
    out.push({ text: hit.text, kind: w.kind, gloss: w.gloss, ...(w.generic ? { generic: w.generic } : {}) });
    i += hit.len;
  }
  flush();
  return out;
}

const pinyinCache = new Map<string, string>();

/** Toneless pinyin of a Han string, syllables joined without spaces (海康威视 → haikangweishi). */
export function pinyinKey(text: string): string {
  let v = pinyinCache.get(text);
  if (v === undefined) {
    v = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' })
      .join('')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]/g, '');
    if (pinyinCache.size > 10_000) pinyinCache.clear();
    pinyinCache.set(text, v);
  }
  return v;
}
