// HR gives a person a new leader by searching: as typed with htmx, and with the search button
// and Enter, which search instead of saving.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn, chooseLanguage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

// Reads the options from the DOM without running page scripts, so it works with JavaScript off.
async function leaderOptions(page) {
  return page.locator("#f-leader option").allTextContents().then((texts) => texts.map((t) => t.trim()));
}

test("the leader field finds leaders as HR types, and saves the one chosen", async () => {
  const page = await newPage(env.browser);
  await signIn(page, env.server.base, "hr@demo.samspill.no");
  await page.goto(`${env.server.base}/org/people/12`);
  assert.deepEqual(await leaderOptions(page), ["Ingen leder", "Lars Haugen (1002)"]);

  await page.fill("#f-leader_q", "liv");
  await page.waitForFunction(() => document.querySelector("#f-leader-status").textContent.includes("treff"));
  const options = await leaderOptions(page);
  assert.ok(options.includes("Liv Johansen (1001)"), options.join(", "));
  assert.equal(options[1], "Lars Haugen (1002)", "the chosen leader stays first");
  await expectAccessible(page, "leader search as typed");

  // Enter in the search field sends the form to search, not to save.
  await page.fill("#f-leader_q", "johansen");
  const [search] = await Promise.all([page.waitForRequest((r) => r.method() === "POST"), page.press("#f-leader_q", "Enter")]);
  assert.match(search.postData(), /find=leader/);
  await page.waitForLoadState("load");
  assert.equal(await page.inputValue("#f-leader_q"), "johansen");
  assert.ok((await leaderOptions(page)).includes("Liv Johansen (1001)"));
  await expectAccessible(page, "leader search results");

  await page.selectOption("#f-leader", { label: "Liv Johansen (1001)" });
  await Promise.all([page.waitForURL((u) => u.pathname === "/org/people"), page.click("main form.stack .actions button[type=submit]")]);
  await page.goto(`${env.server.base}/org/people/12`);
  assert.equal(await page.$eval("#f-leader option:checked", (o) => o.textContent.trim()), "Liv Johansen (1001)");
  await page.close();
});

test("without JavaScript the search button shows the matches and keeps what was typed", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: "nb-NO" });
  const page = await context.newPage();
  await signIn(page, env.server.base, "hr@demo.samspill.no");
  await chooseLanguage(page, "nn");
  await page.goto(`${env.server.base}/org/people/13`);
  await page.fill("#f-title", "Ny stilling");
  await page.fill("#f-leader_q", "haugen");
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click("#f-leader-find")]);
  await page.waitForLoadState("load");
  assert.equal(await page.inputValue("#f-title"), "Ny stilling");
  assert.match(await page.textContent("#f-leader-status"), /treff i lista/);
  assert.ok((await leaderOptions(page)).includes("Lars Haugen (1002)"));
  await context.close();
});
