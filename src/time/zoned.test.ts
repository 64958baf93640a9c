import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MS_PER_HOUR,
  addHours,
  dateIn,
  endOfDay,
  formatDuration,
  formatInstant,
  formatUtc,
  fromLocal,
  humanDuration,
  isTimeZone,
  parseInstant,
  startOfDay,
  toLocal,
  zoneOffset,
} from './zoned.js';

const ZONES = ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'Europe/Dublin', 'America/New_York', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'];
// 1971-01-01 .. 2099-12-31
const instantArb = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) });

describe('zone offsets', () => {
  it('knows fixed and DST offsets', () => {
    expect(zoneOffset(Date.UTC(2021, 10, 24), 'Asia/Shanghai')).toBe(8 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 0, 15), 'America/New_York')).toBe(-5 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 6, 15), 'America/New_York')).toBe(-4 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 0, 15), 'Europe/Berlin')).toBe(1 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 6, 15), 'Europe/Berlin')).toBe(2 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 6, 15), 'Asia/Kolkata')).toBe(5.5 * MS_PER_HOUR);
  });

  it('switches at the EU and US DST instants (2024)', () => {
    // EU: 2024-03-31 01:00Z forward, 2024-10-27 01:00Z back.
    expect(zoneOffset(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Berlin')).toBe(MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Berlin')).toBe(2 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 9, 27, 0, 59, 59), 'Europe/Berlin')).toBe(2 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 9, 27, 1, 0, 0), 'Europe/Berlin')).toBe(MS_PER_HOUR);
    // US: 2024-03-10 07:00Z forward, 2024-11-03 06:00Z back.
    expect(zoneOffset(Date.UTC(2024, 2, 10, 6, 59), 'America/New_York')).toBe(-5 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 2, 10, 7, 0), 'America/New_York')).toBe(-4 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 10, 3, 5, 59), 'America/New_York')).toBe(-4 * MS_PER_HOUR);
    expect(zoneOffset(Date.UTC(2024, 10, 3, 6, 0), 'America/New_York')).toBe(-5 * MS_PER_HOUR);
  });

  it('rejects unknown zones and accepts IANA names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('x'.repeat(10_000))).toBe(false);
  });
});

describe('local ↔ instant', () => {
  it('resolves a spring-forward gap forward and an autumn overlap to the earlier instant (compatible)', () => {
    const gap = fromLocal({ date: '2024-03-10', hour: 2, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
    expect(formatInstant(gap, 'America/New_York')).toBe('2024-03-10T03:30:00-04:00');
    const early = fromLocal({ date: '2024-11-03', hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
    const late = fromLocal({ date: '2024-11-03', hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York', 'later');
    expect(formatUtc(early)).toBe('2024-11-03T05:30:00Z');
    expect(formatUtc(late)).toBe('2024-11-03T06:30:00Z');
    const berlinGap = fromLocal({ date: '2024-03-31', hour: 2, minute: 15, second: 0, millisecond: 0 }, 'Europe/Berlin', 'earlier');
    expect(formatInstant(berlinGap, 'Europe/Berlin')).toBe('2024-03-31T01:15:00+01:00');
  });

  it('resolves each disambiguation in Berlin and New York, and midnight gaps and overlaps at day ends', () => {
    const at = (date: string, hour: number, zone: string, d: 'compatible' | 'earlier' | 'later') =>
      formatInstant(fromLocal({ date, hour, minute: 30, second: 0, millisecond: 0 }, zone, d), zone);
    expect(['compatible', 'earlier', 'later'].map((d) => at('2026-10-25', 2, 'Europe/Berlin', d as 'later'))).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]);
    expect(['compatible', 'earlier', 'later'].map((d) => at('2026-03-08', 2, 'America/New_York', d as 'later'))).toEqual([
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T01:30:00-05:00',
      '2026-03-08T03:30:00-04:00',
    ]);
    // Havana and Santiago change at midnight: a day that starts at 01:00, a day whose last hour repeats.
    expect(formatInstant(startOfDay('2026-03-08', 'America/Havana'), 'America/Havana')).toBe('2026-03-08T01:00:00-04:00');
    expect(formatInstant(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
    expect(formatInstant(endOfDay('2026-04-04', 'America/Santiago'), 'America/Santiago')).toBe('2026-04-04T23:59:59-04:00');
    expect(dateIn(Date.UTC(2026, 0, 1, 15, 59, 59), 'Asia/Shanghai')).toBe('2026-01-01');
    expect(dateIn(Date.UTC(2026, 0, 1, 16), 'Asia/Shanghai')).toBe('2026-01-02');
  });

  it('round-trips every instant through its local reading (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), (ms, tz) => {
        const local = toLocal(ms, tz);
        const back = fromLocal(local, tz, 'earlier');
        const backLater = fromLocal(local, tz, 'later');
        // The reading occurs at ms; ms is one of the (at most two) instants with that reading.
        expect(back === ms || backLater === ms).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('formats and parses back to the same instant (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (ms, tz, readZone) => {
        const text = formatInstant(ms, tz);
        const p = parseInstant(text, readZone);
        expect(p?.instant).toBe(ms);
        expect(p?.hasOffset).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps end-of-day and start-of-day on the date, 24 h minus a second apart except on DST days (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), (ms, tz) => {
        const d = dateIn(ms, tz);
        const start = startOfDay(d, tz);
        const end = endOfDay(d, tz);
        expect(dateIn(start, tz)).toBe(d);
        expect(dateIn(end, tz)).toBe(d);
        expect(dateIn(end + 1000, tz)).not.toBe(d);
        expect(start <= ms + 1000 && ms <= end + 1000).toBe(true);
        const len = end + 1000 - start;
        expect([23, 23.5, 24, 24.5, 25].map((h) => h * MS_PER_HOUR)).toContain(len);
      }),
      { numRuns: 300 },
    );
  });

  it('adds elapsed hours across a DST change (24 h is not the same wall time)', () => {
    const before = parseInstant('2024-03-09T12:00', 'America/New_York')!.instant;
    expect(formatInstant(addHours(before, 24), 'America/New_York')).toBe('2024-03-10T13:00:00-04:00');
    const eu = parseInstant('2024-10-26T12:00', 'Europe/Berlin')!.instant;
    expect(formatInstant(addHours(eu, 24), 'Europe/Berlin')).toBe('2024-10-27T11:00:00+01:00');
  });
});

describe('parseInstant', () => {
  it('reads dates, local times and offsets', () => {
    expect(parseInstant('2021-11-24', 'Asia/Shanghai')).toEqual({ instant: Date.UTC(2021, 10, 23, 16), dateOnly: true, hasOffset: false });
    expect(parseInstant('2021-11-24T09:30', 'Asia/Shanghai')?.instant).toBe(Date.UTC(2021, 10, 24, 1, 30));
    expect(parseInstant('2021-11-24 09:30:15', 'UTC')?.instant).toBe(Date.UTC(2021, 10, 24, 9, 30, 15));
    expect(parseInstant('2021-11-24T09:30:00+08:00', 'America/New_York')?.instant).toBe(Date.UTC(2021, 10, 24, 1, 30));
    expect(parseInstant('2021-11-24T09:30:00-0530', 'UTC')?.instant).toBe(Date.UTC(2021, 10, 24, 15, 0));
    expect(parseInstant('2021-11-24T09:30:00.250Z', 'Asia/Shanghai')?.instant).toBe(Date.UTC(2021, 10, 24, 9, 30, 0, 250));
  });

  it('refuses impossible and malformed input (adversarial)', () => {
    for (const bad of ['2021-02-29', '2021-13-01', '2021-11-24T24:00', '2021-11-24T12:60', '2021-11-24T12:00+25:00', 'yesterday', '', '2021-11-24T', '２０２１-11-24', '2021-11-24T09:30:00+08:00 extra', `2021-11-24${'0'.repeat(100_000)}`, '9'.repeat(1_000_000)]) {
      expect(parseInstant(bad, 'UTC')).toBeUndefined();
    }
  });

  it('places the first and last days of the range in any zone instead of throwing (its probes a day either side fall outside 0000-9999)', () => {
    expect(parseInstant('9999-12-31', 'UTC')).toEqual({ instant: Date.UTC(9999, 11, 31), dateOnly: true, hasOffset: false });
    expect(parseInstant('9999-12-31T23:00', 'America/New_York')?.instant).toBe(Date.UTC(9999, 11, 31, 23) + 5 * MS_PER_HOUR);
    expect(parseInstant('9999-12-31', 'Pacific/Pago_Pago')?.instant).toBe(Date.UTC(9999, 11, 31) + 11 * MS_PER_HOUR);
    const first = parseInstant('0000-01-01T00:00', 'UTC')!.instant;
    expect(parseInstant('0000-01-01T00:00', 'Asia/Kolkata')?.instant).toBe(first - zoneOffset(first, 'Asia/Kolkata'));
    expect(toLocal(parseInstant('0000-01-01T00:30', 'America/New_York')!.instant, 'America/New_York')).toMatchObject({ date: '0000-01-01', hour: 0, minute: 30 });
    // and every valid date-time of the two edge days, in every zone
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom('0000-01-01', '9999-12-31'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (zone, date, h, m) => {
        const p = parseInstant(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, zone);
        expect(p).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => void parseInstant(s, 'Europe/Berlin')), { numRuns: 500 });
  });
});

describe('durations', () => {
  it('formats ISO 8601 durations and words', () => {
    expect(formatDuration(13 * 24 * MS_PER_HOUR + 1000)).toBe('P13D');
    expect(formatDuration(2 * MS_PER_HOUR + 5 * 60_000)).toBe('PT2H5M');
    expect(formatDuration(0)).toBe('PT0M');
    expect(formatDuration(26 * MS_PER_HOUR)).toBe('P1DT2H');
    expect(humanDuration(13 * 24 * MS_PER_HOUR)).toBe('13 d');
    expect(humanDuration(5 * MS_PER_HOUR + 7 * 60_000)).toBe('5 h 7 min');
  });
});

describe('formatInstant with an offset that is not whole minutes', () => {
  it('gives the instant in UTC rather than cut the offset to minutes (Shanghai local mean time, +08:05:43 before 1901)', () => {
    const t = parseInstant('1890-06-01T12:00:00Z', 'UTC')!.instant;
    expect(zoneOffset(t, 'Asia/Shanghai')).toBe((8 * 3600 + 5 * 60 + 43) * 1000);
    const text = formatInstant(t, 'Asia/Shanghai');
    expect(text).toBe('1890-06-01T12:00:00Z');
    // the text names the same instant
    expect(parseInstant(text, 'UTC')!.instant).toBe(t);
    expect(formatInstant(parseInstant('2021-06-01T12:00:00Z', 'UTC')!.instant, 'Asia/Shanghai')).toBe('2021-06-01T20:00:00+08:00');
  });
});

describe('remembered readings', () => {
  it('give each (instant, zone) what the zone\'s formatter says, whatever was read before (property)', () => {
    // the readings are remembered per zone and whole second: reading many instants in every zone,
    // then again in another order, must give the same fields, and the offset must agree with
    // Intl's own reading of the instant
    fc.assert(
      fc.property(fc.array(fc.tuple(instantArb, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 200 }), (pairs) => {
        const first = pairs.map(([i, z]) => [toLocal(i, z), zoneOffset(i, z)] as const);
        const again = [...pairs].reverse().map(([i, z]) => [toLocal(i, z), zoneOffset(i, z)] as const).reverse();
        expect(again).toEqual(first);
        for (const [k, [i, z]] of pairs.entries()) {
          const parts = new Intl.DateTimeFormat('en-US', { timeZone: z, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(i));
          const v = (t: string) => Number(parts.find((p) => p.type === t)!.value);
          const wall = Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second'));
          expect(first[k]![1]).toBe(wall - Math.floor(i / 1000) * 1000);
        }
      }),
      { numRuns: 30 },
    );
  });
});
