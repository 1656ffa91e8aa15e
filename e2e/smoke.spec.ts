import { test, expect } from "@playwright/test";

test("the home page renders and health is ok", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body).toMatchObject({ status: "ok", db: "ok" });
  expect(typeof body.version).toBe("string");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/home.png", fullPage: true });
});

test("the OpenAPI document is served and describes POST /api/v1/jobs", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/jobs"].post.requestBody).toBeTruthy();
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["CreateJobBody", "JobResult", "Error", "CarriersProfile"]));
});
