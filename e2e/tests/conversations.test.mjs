// Samtaler in the browser: a leader plans a follow-up with the regular template; the employee
// sees it with its prompts, proposes another time; the leader confirms it and they hold it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn, chooseLanguage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

function inDays(days) {
  const d = new Date(Date.now() + days * 86400000);
  return d.toISOString().slice(0, 10);
}

test("a leader plans, the employee proposes another time, the leader confirms, they hold it", async () => {
  const base = env.server.base;
  const lars = await newPage(env.browser);
  await signIn(lars, base, "lars@demo.samspill.no");
  await clickAndLoad(lars, "nav a[href='/conversations']");
  // Thomas is overdue in the demo.
  const thomas = lars.locator("tr", { hasText: "Thomas Eriksen" });
  assert.match(await thomas.textContent(), /Forsinket/);
  await Promise.all([lars.waitForNavigation(), thomas.locator("a", { hasText: "Planlegg samtale" }).click()]);
  await expectAccessible(lars, "schedule form");

  // A time in the past is refused, with what was typed kept.
  await lars.fill("#f-date", inDays(-1));
  await lars.fill("#f-time", "10:00");
  await lars.fill("#f-place", "Møterom Nordlys");
  await clickAndLoad(lars, "main form .actions button[type=submit]");
  await lars.waitForSelector(".ds-error-summary");
  assert.equal(await lars.inputValue("#f-place"), "Møterom Nordlys");
  await expectAccessible(lars, "schedule form with errors");
  await lars.fill("#f-date", inDays(5));
  await lars.check("#f-channel-in-person");
  await clickAndLoad(lars, "main form .actions button[type=submit]");
  assert.match(await lars.textContent("main"), /Samtalen er planlagt/);
  const path = new URL(lars.url()).pathname;

  // Thomas sees it, in nynorsk, with the template's prompts, and proposes another time.
  const thomasPage = await newPage(env.browser);
  await signIn(thomasPage, base, "thomas.eriksen@demo.samspill.no");
  await chooseLanguage(thomasPage, "nn");
  await thomasPage.goto(base + path);
  assert.match(await thomasPage.textContent("h1"), /Samtale med Lars Haugen/);
  assert.ok((await thomasPage.locator("main li").count()) >= 3, "the prompts to prepare");
  await expectAccessible(thomasPage, "conversation in nynorsk");
  await thomasPage.fill("#f-date", inDays(6));
  await thomasPage.fill("#f-time", "13:00");
  await clickAndLoad(thomasPage, "button[value=move]");
  assert.match(await thomasPage.textContent("main"), /Føreslått/);

  // Lars confirms the new time; Thomas marks it held afterwards.
  await lars.goto(base + path);
  assert.match(await lars.textContent("main"), /Thomas Eriksen har foreslått dette tidspunktet/);
  await clickAndLoad(lars, "button[value=confirm]");
  assert.match(await lars.textContent("main"), /kl\. 13:00/);
  await thomasPage.goto(base + path);
  await clickAndLoad(thomasPage, "button[value=hold]");
  assert.match(await thomasPage.textContent("main"), /registrert som halden/);
  assert.equal(await thomasPage.locator("button[value=move]").count(), 0, "a held conversation is not moved");
  await lars.goto(`${base}/conversations`);
  assert.doesNotMatch(await lars.locator("tr", { hasText: "Thomas Eriksen" }).textContent(), /Forsinket/);
  await lars.close();
  await thomasPage.close();
});
