/** Tests: the problems of the InputError a call throws (any other outcome fails the test). */
import { expect } from 'vitest';
import { InputError, type InputProblem } from '../common/errors.js';

export function problemsOf(f: () => unknown): readonly InputProblem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** The first of them. */
export function firstProblem(f: () => unknown): InputProblem {
  return problemsOf(f)[0]!;
}

/** The InputError a promise rejects with, holding one problem on one line (any other outcome fails the test). */
export async function oneLineFailure(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  const err = e as InputError;
  expect(err.problems).toHaveLength(1);
  expect(err.message).not.toMatch(/\n/);
  return err;
}
