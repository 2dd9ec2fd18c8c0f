/**
 * A module the page's first script does not carry: fetched once when first
 * asked for, then used synchronously by code that runs after that. Code
 * that may run before asks `loaded()` and waits for `load()`.
 */
export interface OnDemand<M> {
  /** Fetches the module once; later calls get the same promise. */
  load(): Promise<M>;
  loaded(): boolean;
  /** The module, once loaded; asking before is a bug, so it throws. */
  get(): M;
  /** For a caller that has the module at hand (Node: the headless API, tests): no fetch. */
  provide(module: M): void;
}

export function onDemand<M>(what: string, fetch: () => Promise<M>): OnDemand<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () => (loading ??= module ? Promise.resolve(module) : fetch().then((m) => (module = m))),
    loaded: () => module !== undefined,
    get: () => {
      if (module === undefined) throw new Error(`${what} is not loaded yet`);
      return module;
    },
    provide: (m) => {
      module = m;
    },
  };
}
