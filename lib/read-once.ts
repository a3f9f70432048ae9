/**
 * Wraps a loader of files staff edit: in a production build the files are read once, while in
 * development (`npm run dev`) they are read on every call, so a saved edit shows on the next reload.
 */
export function readOnceInProduction<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => {
    if (process.env.NODE_ENV !== "production") return load();
    loaded ??= { value: load() };
    return loaded.value;
  };
}
