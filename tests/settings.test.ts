import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "@/lib/settings";

describe("settings", () => {
  it("has the documented defaults", () => {
    const s = parseSettings({});
    expect(s).toMatchObject({ PORT: 3000, DATA_DIR: "./data", WORKER_IN_PROCESS: true, WEBHOOK_ALLOW_PRIVATE: false, WEBHOOK_TIMEOUT_MS: 15000 });
    expect(s.WEBHOOK_RETRY_SCHEDULE).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(s.baseUrl).toBe("http://localhost:3000");
    expect(parseSettings({ PORT: "8080" }).baseUrl).toBe("http://localhost:8080");
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["BASE_URL", "/"],
    ["WORKER_IN_PROCESS", "maybe"],
    ["EMBEDDED_FSYNC", "nope"],
    ["WEBHOOK_RETRY_SCHEDULE", "0,soon"],
    ["WEBHOOK_TIMEOUT_MS", "-5"],
    ["AUTH_SECRET", "short"],
    ["TRUSTED_PROXIES", "10.0.0.0/8, lb.internal"],
  ])("refuses %s=%s with a message naming the variable", (name, value) => {
    expect(() => parseSettings({ [name]: value })).toThrow(SettingsError);
    expect(() => parseSettings({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it("reads flags and lists", () => {
    const s = parseSettings({ WORKER_IN_PROCESS: "false", WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_RETRY_SCHEDULE: "0, 1,2" });
    expect(s.WORKER_IN_PROCESS).toBe(false);
    expect(s.WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(parseSettings({}).EMBEDDED_FSYNC).toBe(true);
    expect(parseSettings({ EMBEDDED_FSYNC: "false" }).EMBEDDED_FSYNC).toBe(false);
    expect(parseSettings({ EMBEDDED_FSYNC: "0" }).EMBEDDED_FSYNC).toBe(false);
    expect(s.WEBHOOK_RETRY_SCHEDULE).toEqual([0, 1, 2]);
    expect(parseSettings({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseSettings({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7 ,fd00::/8" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.0.2.7", "fd00::/8"]);
  });
});
