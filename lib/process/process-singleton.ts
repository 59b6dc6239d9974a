/**
 * One value per server process. Next bundles each page and route handler separately, each with its own
 * copy of a module, so module-level state would not be shared between, say, a page and an API route.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`aisle.${name}`);
  const scope = globalThis as Record<symbol, unknown>;
  if (!(key in scope)) scope[key] = create();
  return scope[key] as T;
}
