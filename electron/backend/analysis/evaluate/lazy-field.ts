/**
 * A property built on its first read and kept from then on (a write replaces it, as on a plain
 * field). The joined columns of a large file use it: a binary report from scores the range threads
 * sorted reads neither its rows' scores nor their labels, and joining them cost about 0.1 CPU-s
 * and 120 MB on 10M rows; slices and label issues still read them, and get them built then.
 */
export function lazyField<T extends object, K extends keyof T>(target: T, key: K, build: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = build();
      settle(value);
      return value;
    },
    set: (value: T[K]) => settle(value),
  });
}
