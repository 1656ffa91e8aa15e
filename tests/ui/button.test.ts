import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Button } from "@/components/ui/button";

// The server's HTML is what a visitor can click before the page hydrates: a submit button must
// not be live then (every form is handled by script; a native submit would put the fields in the URL).
describe("Button before hydration", () => {
  it("renders a submit button disabled", () => {
    const html = renderToStaticMarkup(createElement(Button, { type: "submit" }, "Sign in"));
    expect(html).toMatch(/^<button type="submit" disabled=""/);
  });

  it("leaves other buttons as the caller says", () => {
    expect(renderToStaticMarkup(createElement(Button, { type: "button" }, "Cancel"))).not.toContain(" disabled=");
    expect(renderToStaticMarkup(createElement(Button, { type: "button", disabled: true }, "Cancel"))).toContain('disabled=""');
  });
});
