/** Tests: the first problem of the InputError a call throws (any other outcome fails the test). */
import { InputError, type InputProblem } from '../common/errors.js';

export function firstProblem(f: () => unknown): InputProblem {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems[0]!;
    throw e;
  }
  throw new Error('expected an InputError');
}
