"use client";

// The dashboard calls the same /api/v1 routes as API clients, with its session cookie.
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; code: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
    credentials: "same-origin",
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiRequestError(res.status, e?.code ?? "internal_error", e?.message ?? `Request failed (${res.status})`, e?.details ?? []);
  }
  return body as T;
}
