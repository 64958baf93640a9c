/** Tests: the problems of the InputError a call throws (any other outcome fails the test). */
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
