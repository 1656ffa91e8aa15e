import { test, expect, type Page } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob, expectAccessible } from "./page-checks";

// Dark mode: the system's setting by default, a persisted choice that the server renders (no flash),
// and no serious or critical axe finding in either theme on the pages people use most.

// Six axe runs on a shared 2-core machine: minutes, not seconds.
test.describe.configure({ timeout: 420_000 });

/** The page background's luminance, 0 (black) … 1 (white), as the browser paints it. */
const background = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });

test("follows the system setting, remembers a choice, and passes axe in both themes", async ({ page, request }) => {
  const tenant = newTenant("admin");
  const evalId = await completedJob(request, tenant.key);
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page, tenant.email, tenant.password);

  // System (the default): light when the system is light, dark when it is dark.
  await page.goto("/jobs");
  await expect(page.getByRole("radio", { name: "System" })).toHaveAttribute("aria-checked", "true");
  expect(await background(page)).toBeGreaterThan(0.9);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBeLessThan(0.2);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, path] of [
      ["history", "/jobs"],
      ["new-evaluation", "/jobs/new"],
      ["result", `/jobs/${evalId}`],
      ["trace", `/traces/${evalId}`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (name === "result") await expect(page.getByRole("table").first()).toBeVisible();
      await expectAccessible(page, `${name} (${scheme})`);
      await page.screenshot({ path: `test-results/screens/theme-${name}-${scheme}.png` }); // the first screen, to look at
    }
  }

  // A choice overrides the system, at once and after a reload, rendered by the server itself.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/jobs");
  await page.getByRole("radio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass("dark");
  expect(await background(page)).toBeLessThan(0.2);
  const html = await (await page.request.get("/jobs")).text();
  expect(html).toMatch(/<html lang="en" class="dark"/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  expect(await background(page)).toBeLessThan(0.2);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("radio", { name: "Light" }).click();
  expect(await background(page)).toBeGreaterThan(0.9);
  await page.getByRole("radio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark|light/);
  expect(await background(page)).toBeLessThan(0.2);
});
