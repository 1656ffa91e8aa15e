import { test, expect } from "@playwright/test";
import { newTenant, signIn, signInAlert } from "./helpers";

test("a signed-out visitor is sent to sign-in and, once signed in, lands where they were going", async ({ page }) => {
  const tenant = newTenant("underwriter");
  await page.goto("/jobs/new");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs%2Fnew$/);
  await page.getByLabel("Email").fill(tenant.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(signInAlert(page)).toHaveText(/Email or password is not right|Too many sign-in attempts/);
  await expect(page).toHaveURL(/sign-in/);

  await signIn(page, tenant.email, tenant.password);
  await page.goto("/sign-in?next=%2Fjobs%2Fnew");
  await expect(page).toHaveURL(/\/jobs\/new$/); // a signed-in visitor is not asked again
});

test("before the page hydrates the sign-in form cannot submit (a native GET would put the password in the URL)", async ({ page, request }) => {
  const html = await (await request.get("/sign-in")).text();
  expect(html).toMatch(/<button type="submit" disabled=""[^>]*>Sign in<\/button>/);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("password guessing is slowed down: after three attempts the form says how long to wait", async ({ page }) => {
  const tenant = newTenant("underwriter");
  await page.goto("/sign-in");
  const alert = signInAlert(page);
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(alert).toBeVisible();
    if (/Too many/.test((await alert.textContent()) ?? "")) break;
  }
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
  await page.screenshot({ path: "test-results/screens/sign-in-limited.png" });

  // The right password is refused too while the limit holds, and accepted once it has passed.
  await page.getByLabel("Password").fill(tenant.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/Too many sign-in attempts/);
  await signIn(page, tenant.email, tenant.password);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
