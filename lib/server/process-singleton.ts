import "server-only";

// Next loads a module once per bundle (instrumentation, proxy, routes, pages), and each load would
// otherwise make its own scheduler, cache or pool. What the process must hold once hangs here.
const store = globalThis as typeof globalThis & { __sendboardSingletons?: Map<string, unknown> };

/** The process's one value under `name`, made by `create` the first time any bundle asks. */
export function processSingleton<T>(name: string, create: () => T): T {
  const values = (store.__sendboardSingletons ??= new Map<string, unknown>());
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}
