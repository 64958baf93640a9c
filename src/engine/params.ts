/**
 * Dated parameters (OpenFisca style): a threshold or country set is never a bare value in
 * logic, but a parameter with the legal reference and the dates each value was in force.
 */
import type { CivilDate } from '../time/civil-date.js';

export type Confidence = 'verified' | 'secondary' | 'memory' | 'unconfirmed';

export interface ParamValue<T> {
  /** First day in force (inclusive). */
  readonly from: CivilDate;
  /** Last day in force (inclusive); open when absent. */
  readonly until?: CivilDate;
  readonly value: T;
  readonly citation: string;
  /** How sure the notes are of this value ([V]/[P] verified, [S] secondary, [M] memory, [U] unconfirmed). */
  readonly confidence?: Confidence;
  readonly note?: string;
}

export interface Param<T> {
  readonly id: string;
  readonly description: string;
  readonly values: readonly ParamValue<T>[];
}

export function param<T>(id: string, description: string, values: readonly ParamValue<T>[]): Param<T> {
  return { id, description, values };
}

/** The value in force on `date`, or undefined when none is. */
export function valueAt<T>(p: Param<T>, date: CivilDate): ParamValue<T> | undefined {
  for (let i = p.values.length - 1; i >= 0; i--) {
    const v = p.values[i]!;
    if (v.from <= date && (v.until === undefined || date <= v.until)) return v;
  }
  return undefined;
}

/** Like {@link valueAt} but throws when the parameter has no value on that date. */
export function at<T>(p: Param<T>, date: CivilDate): T {
  const v = valueAt(p, date);
  if (!v) throw new RangeError(`parameter ${p.id} has no value in force on ${date}`);
  return v.value;
}
