/**
 * A Kysely driver whose failures (acquiring a connection, a query) go through a function first:
 * each store dialect turns the errors that are about the store itself into one-line
 * InputErrors naming it (store-errors.ts).
 */
import type { DatabaseConnection, Driver, QueryResult } from 'kysely';

export function mapDriverErrors(driver: Driver, map: (e: unknown) => unknown): Driver {
  const wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const wrap = (c: DatabaseConnection): DatabaseConnection => {
    let w = wrapped.get(c);
    if (!w) {
      w = {
        // better-sqlite3 throws at once (Kysely's connection does not return a rejected promise)
        executeQuery: async <R>(q: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> => {
          try {
            return await c.executeQuery<R>(q);
          } catch (e) {
            throw map(e);
          }
        },
        streamQuery: async function* <R>(q: Parameters<DatabaseConnection['streamQuery']>[0], chunk?: number): AsyncIterableIterator<QueryResult<R>> {
          try {
            yield* c.streamQuery<R>(q, chunk);
          } catch (e) {
            throw map(e);
          }
        },
      };
      wrapped.set(c, w);
    }
    return w;
  };
  // Kysely hands the wrapped connection back to the driver (transactions, release): the driver
  // gets its own connection again.
  const unwrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const own = (c: DatabaseConnection): DatabaseConnection => unwrapped.get(c) ?? c;
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'acquireConnection') {
        return async () => {
          let c: DatabaseConnection;
          try {
            c = await target.acquireConnection();
          } catch (e) {
            throw map(e);
          }
          const w = wrap(c);
          unwrapped.set(w, c);
          return w;
        };
      }
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      // beginTransaction, commitTransaction, rollbackTransaction, releaseConnection, savepoints…
      return (...args: unknown[]) => {
        const mapped = args.map((a) => (typeof a === 'object' && a !== null && unwrapped.has(a as DatabaseConnection) ? own(a as DatabaseConnection) : a));
        const out = (v as (...a: unknown[]) => unknown).apply(target, mapped);
        return out instanceof Promise ? out.catch((e: unknown) => Promise.reject(map(e))) : out;
      };
    },
  });
}
