"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** False while the server renders and during hydration, true after: for values only the browser knows. */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
