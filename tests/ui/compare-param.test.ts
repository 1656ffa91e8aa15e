import { describe, expect, it } from "vitest";
import { readCompare, withCompare } from "@/components/results/compare-param";

describe("?compare= on the results page", () => {
  const known = new Set(["car_0001", "car_0002", "car_0003", "car_0004", "car_0005"]);
  const has = (id: string) => known.has(id);

  it("reads the known ids in order, without repeats or unknown ones, at most four", () => {
    expect(readCompare("car_0002,car_0001", has)).toEqual(["car_0002", "car_0001"]);
    expect(readCompare("car_0002,nope,car_0002, car_0003,", has)).toEqual(["car_0002", "car_0003"]);
    expect(readCompare("car_0001,car_0002,car_0003,car_0004,car_0005", has)).toHaveLength(4);
    expect(readCompare(null, has)).toEqual([]);
    expect(readCompare("", has)).toEqual([]);
  });

  it("sets and removes only its own parameter, readable (commas unescaped)", () => {
    expect(withCompare("", ["car_0001", "car_0002"])).toBe("?compare=car_0001,car_0002");
    expect(withCompare("?tier=STRONG_FIT&sort=score", ["car_0001", "car_0002"])).toBe("?tier=STRONG_FIT&sort=score&compare=car_0001,car_0002");
    expect(withCompare("?tier=STRONG_FIT&compare=car_0001,car_0002", null)).toBe("?tier=STRONG_FIT");
    expect(withCompare("?compare=car_0001,car_0002", null)).toBe("");
    expect(withCompare("?q=a%2Cb&compare=x", ["car_0003", "car_0004"])).toBe("?q=a,b&compare=car_0003,car_0004");
  });
});
