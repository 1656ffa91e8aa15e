import { describe, expect, it } from "vitest";
import { PLAN_STATUSES, allowedNext, canTransition, diligentSearch, isFinal, type PlanStatus } from "@/lib/plan/machine";
import { InvalidTransitionError } from "@/lib/errors";
import { errorResponse } from "@/lib/api/errors";

// The market plan's status machine, every pair: the allowed moves are exactly the documented ones.

const ALLOWED: [PlanStatus, PlanStatus][] = [
  ["planned", "submitted"],
  ["planned", "withdrawn"],
  ["submitted", "quoted"],
  ["submitted", "declined"],
  ["submitted", "no_response"],
  ["submitted", "withdrawn"],
  ["no_response", "quoted"],
  ["no_response", "declined"],
  ["no_response", "withdrawn"],
  ["quoted", "bound"],
  ["quoted", "withdrawn"],
];

describe("plan status machine", () => {
  for (const from of PLAN_STATUSES) {
    for (const to of PLAN_STATUSES) {
      const ok = ALLOWED.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to} is ${ok ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(ok);
        expect(allowedNext(from).includes(to)).toBe(ok);
      });
    }
  }

  it("declined, bound and withdrawn are final; nothing goes back to planned", () => {
    expect(PLAN_STATUSES.filter(isFinal)).toEqual(["declined", "bound", "withdrawn"]);
    for (const from of PLAN_STATUSES) expect(canTransition(from, "planned")).toBe(false);
  });

  it("bound only after a quote", () => {
    expect(PLAN_STATUSES.filter((s) => canTransition(s, "bound"))).toEqual(["quoted"]);
  });
});

describe("InvalidTransitionError", () => {
  it("maps to 409 in the error shape with one detail per allowed next status", async () => {
    const res = errorResponse(new InvalidTransitionError("planned", "quoted", allowedNext("planned")));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/planned to quoted/);
    expect(body.error.details).toEqual([
      { path: "status", code: "allowed_next", message: "submitted" },
      { path: "status", code: "allowed_next", message: "withdrawn" },
    ]);
  });

  it("a final status says so", async () => {
    const body = await errorResponse(new InvalidTransitionError("bound", "withdrawn", allowedNext("bound"))).json();
    expect(body.error.details).toEqual([{ path: "status", code: "final_status", message: "bound is final; no further status" }]);
  });
});

describe("diligentSearch", () => {
  const e = (market: string | null, status: PlanStatus) => ({ market, status });
  it("counts admitted declinations only, against the requirement", () => {
    const entries = [e("admitted", "declined"), e("admitted", "quoted"), e("surplus_lines", "declined"), e(null, "declined"), e("admitted", "withdrawn")];
    expect(diligentSearch(entries, 2)).toEqual({ required: 2, recorded: 1, cleared: false });
    expect(diligentSearch([...entries, e("admitted", "declined")], 2)).toEqual({ required: 2, recorded: 2, cleared: true });
    expect(diligentSearch([], 0)).toEqual({ required: 0, recorded: 0, cleared: true });
  });
});

describe("diligentSearchRecord", () => {
  const ev = (to: PlanStatus, at: string, extra: Record<string, unknown> = {}) => ({
    id: at,
    kind: "status" as const,
    actor: "user:dana@example.test",
    at,
    from: null,
    to,
    quote: null,
    declination: null,
    note: null,
    changes: null,
    sl_exemption: null,
    ...extra,
  });
  const entry = (id: string, market: "admitted" | "surplus_lines", status: PlanStatus, events: ReturnType<typeof ev>[]) => ({
    carrier_id: id,
    carrier_name: id.toUpperCase(),
    market,
    order: 0,
    responsible: null,
    target_date: null,
    status,
    allowed_next: [],
    sl_cleared: null,
    recommended: false,
    updated_at: "",
    events: [{ ...ev("planned", "2026-11-01T00:00:00.000Z"), kind: "added" as const }, ...events],
  });
  it("lists admitted carriers with a submission, their submission date, outcome, date and reason; skips unsent and SL", async () => {
    const { diligentSearchRecord } = await import("@/lib/plan/record");
    const rec = diligentSearchRecord({
      eval_id: "eval_x",
      diligent_search: null,
      entries: [
        entry("a", "admitted", "declined", [
          ev("submitted", "2026-11-02T10:00:00.000Z"),
          ev("declined", "2026-11-05T10:00:00.000Z", { declination: { reason: "capacity", text: "full" } }),
        ]),
        entry("b", "admitted", "submitted", [ev("submitted", "2026-11-03T10:00:00.000Z")]),
        entry("c", "admitted", "planned", []),
        entry("s", "surplus_lines", "quoted", [ev("submitted", "2026-11-03T10:00:00.000Z"), ev("quoted", "2026-11-04T10:00:00.000Z")]),
      ],
    });
    expect(rec.admitted).toEqual([
      {
        carrier_id: "a",
        carrier_name: "A",
        status: "declined",
        submitted_at: "2026-11-02T10:00:00.000Z",
        outcome_at: "2026-11-05T10:00:00.000Z",
        reason: "capacity",
        reason_text: "full",
        actor: "dana@example.test",
      },
      {
        carrier_id: "b",
        carrier_name: "B",
        status: "submitted",
        submitted_at: "2026-11-03T10:00:00.000Z",
        outcome_at: null,
        reason: null,
        reason_text: null,
        actor: "dana@example.test",
      },
    ]);
    expect(rec.surplusLines).toEqual([{ carrier_id: "s", carrier_name: "S", status: "quoted", exemption: null, bound_at: null, bound_by: null }]);
  });

  it("a surplus-lines carrier bound under an exemption says which, when and by whom", async () => {
    const { diligentSearchRecord } = await import("@/lib/plan/record");
    const rec = diligentSearchRecord({
      eval_id: "eval_x",
      diligent_search: null,
      entries: [
        entry("s", "surplus_lines", "bound", [
          ev("submitted", "2026-11-03T10:00:00.000Z"),
          ev("quoted", "2026-11-04T10:00:00.000Z"),
          ev("bound", "2026-11-06T10:00:00.000Z", { sl_exemption: "export_list" }),
        ]),
      ],
    });
    expect(rec.surplusLines).toEqual([
      { carrier_id: "s", carrier_name: "S", status: "bound", exemption: "export_list", bound_at: "2026-11-06T10:00:00.000Z", bound_by: "dana@example.test" },
    ]);
  });
});

describe("checkSurplusLinesBind", () => {
  const sl = { market: "surplus_lines", carrierName: "Surplus Specialty" };
  const admitted = { market: "admitted", carrierName: "Admitted One" };
  const open = { state: "CA", required: 3, recorded: 1, cleared: false };
  const met = { state: "CA", required: 3, recorded: 3, cleared: true };

  it("refuses binding a surplus-lines carrier while the search is not met, naming the state and counts", async () => {
    const { checkSurplusLinesBind } = await import("@/lib/plan/sl");
    const { DiligentSearchNotMetError } = await import("@/lib/errors");
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, open)).toThrow(DiligentSearchNotMetError);
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, open)).toThrow(
      "Diligent search not met: CA requires 3 admitted declinations before binding a surplus-lines carrier; 1 recorded.",
    );
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, { state: "VT", required: 1, recorded: 0, cleared: false })).toThrow(
      "VT requires 1 admitted declination before",
    );
  });

  it("lets through a met search, an exemption, a zero requirement, an unknown requirement, other statuses and admitted carriers", async () => {
    const { checkSurplusLinesBind } = await import("@/lib/plan/sl");
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, met)).not.toThrow();
    expect(() => checkSurplusLinesBind(sl, "bound", "exempt_commercial_purchaser", open)).not.toThrow();
    expect(() => checkSurplusLinesBind(sl, "bound", "export_list", open)).not.toThrow();
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, { state: "CA", required: 0, recorded: 0, cleared: true })).not.toThrow();
    expect(() => checkSurplusLinesBind(sl, "bound", undefined, null)).not.toThrow();
    expect(() => checkSurplusLinesBind(sl, "quoted", undefined, open)).not.toThrow();
    expect(() => checkSurplusLinesBind(admitted, "bound", undefined, open)).not.toThrow();
  });

  it("refuses an exemption on an admitted carrier or on anything but a bind (invalid_request on sl_exemption)", async () => {
    const { checkSurplusLinesBind } = await import("@/lib/plan/sl");
    for (const [entry, to] of [
      [admitted, "bound"],
      [sl, "quoted"],
      [sl, "withdrawn"],
    ] as const) {
      let caught: unknown;
      try {
        checkSurplusLinesBind(entry, to, "export_list", open);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code: "invalid_request", details: [expect.objectContaining({ path: "sl_exemption" })] });
    }
  });
});

describe("requiredDeclinations (fallback when a result recorded none)", () => {
  it("is the engine's state table figure; null for an unknown state", async () => {
    const { requiredDeclinations } = await import("@/lib/plan/sl");
    const { surplusLinesRequirement } = await import("@/lib/engine/domains/carriers/surplus-lines");
    expect(requiredDeclinations("CA")).toBe(surplusLinesRequirement("CA").declinations_required);
    expect(requiredDeclinations("XX")).toBeNull();
    expect(requiredDeclinations("__proto__")).toBeNull();
  });
});
