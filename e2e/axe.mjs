// axe-core against WCAG 2.1 A and AA; a violation fails with the rule and the elements it found.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";

export async function expectAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.ok(result.passes.length > 0, "axe checked the page");
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  assert.deepEqual(found, [], `${label || page.url()} has accessibility violations:\n${found.join("\n")}`);
}
