// Utvikling in the browser: an employee answers Active employeeship in nynorsk, leaves halfway,
// comes back, submits, shares with her leader and stops sharing; a leader answers the
// leadership-skills assessment with the keyboard only and sees the change since last time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn, chooseLanguage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForLoadState("load"), page.waitForNavigation(), page.click(selector)]);
}

test("an employee answers in nynorsk, comes back, submits, shares and stops sharing", async () => {
  const base = env.server.base;
  const emma = await newPage(env.browser);
  await signIn(emma, base, "emma@demo.samspill.no");
  await chooseLanguage(emma, "nn");
  await clickAndLoad(emma, "nav a[href='/development']");
  assert.equal(await emma.textContent("h1"), "Utvikling");
  await expectAccessible(emma, "Utvikling");

  // Start Active employeeship (taken before, so "Ta på nytt") and answer the first step.
  await clickAndLoad(emma, "form:has(input[value='active-employeeship']) button");
  assert.match(await emma.textContent(".take__position"), /Steg 1 av 4/);
  await expectAccessible(emma, "first step");
  await emma.check("input[name='q.own-job'][value='4']");
  await emma.check("input[name='q.own-career'][value='3']");
  await emma.check("input[name='q.own-wellbeing'][value='5']");
  await clickAndLoad(emma, ".actions button[value=next]");
  assert.match(await emma.textContent(".take__position"), /Steg 2 av 4/);
  await emma.check("input[name='q.wishes-and-needs'][value='2']");

  // Leave halfway; the first step was saved, the half-answered second saved as she went.
  await emma.waitForFunction(() => document.querySelector("#autosave-status").textContent.trim().length > 0);
  await emma.goto(`${base}/`);
  await emma.goto(`${base}/development`);
  await clickAndLoad(emma, "form:has(input[value='active-employeeship']) button");
  assert.match(await emma.textContent(".take__position"), /Steg 2 av 4/, "comes back where she left");
  assert.ok(await emma.isChecked("input[name='q.wishes-and-needs'][value='2']"));

  // Submitting from the one-page view with answers missing shows them, input kept.
  await clickAndLoad(emma, "a[href$='?step=all']");
  assert.ok(await emma.isChecked("input[name='q.own-job'][value='4']"));
  await clickAndLoad(emma, ".actions button[value=submit]");
  await emma.waitForSelector(".ds-error-summary");
  await expectAccessible(emma, "submit with answers missing");
  for (const [item, value] of [["constructive", 4], ["make-leader-good", 3], ["work-environment", 4], ["lead-with-others", 3], ["good-colleague", 5]]) {
    await emma.check(`input[name='q.${item}'][value='${value}']`);
  }
  await emma.fill("[name='q.development-areas.1.area']", "Seie frå tidlegare");
  await emma.fill("[name='q.development-areas.1.how']", "Eitt ønske til kvar samtale");
  await emma.fill("[name='q.development-areas.2.area']", "Eiga karriere");
  await emma.fill("[name='q.development-areas.2.how']", "Eitt kurs før sommaren");
  await emma.fill("[name='q.strengths.1.strength']", "God kollega");
  await emma.fill("[name='q.strengths.1.how']", "Ta imot nye på video");
  await emma.fill("[name='q.strengths.2.strength']", "Utviklar eigen jobb");
  await emma.fill("[name='q.strengths.2.how']", "Dele sjekklista med teamet");
  await clickAndLoad(emma, ".actions button[value=submit]");
  assert.match(emma.url(), /\/development\/results\/\d+$/);
  const result = new URL(emma.url()).pathname;
  const attempt = result.split("/").pop();
  assert.ok(await emma.isVisible(".result__chart svg"), "a chart");
  assert.equal(await emma.locator("table").first().locator("tbody tr").count(), 3, "a table row per area");
  await expectAccessible(emma, "result");

  // Share with Lars.
  await clickAndLoad(emma, "form[action$='/share'] button");
  assert.match(await emma.textContent("#sharing-title + p"), /Delt med Lars Haugen/);
  await expectAccessible(emma, "result shared");

  const lars = await newPage(env.browser);
  await signIn(lars, base, "lars@demo.samspill.no");
  await clickAndLoad(lars, "a:text('Emma Nilsen')");
  const shared = `a[href$='/results/${attempt}']`;
  assert.ok(await lars.isVisible(shared), "the leader sees the shared result on the report's page");
  await expectAccessible(lars, "report's page");
  await clickAndLoad(lars, shared);
  assert.ok((await lars.content()).includes("Ta imot nye på video"));
  await expectAccessible(lars, "shared result");

  // Stop sharing: gone for the leader.
  await clickAndLoad(emma, "form[action$='/unshare'] button");
  const response = await lars.reload();
  assert.equal(response.status(), 404);
  await lars.goBack();
  await lars.reload();
  assert.equal(await lars.locator(shared).count(), 0);
  await emma.close();
  await lars.close();
});

/// Presses Tab until `done` is true of the focused element (at most `limit` times).
async function tabUntil(page, done, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(done)) return;
  }
  throw new Error(`focus never reached the element: ${done}`);
}

test("a leader answers with the keyboard only and sees the change since last time", async () => {
  const base = env.server.base;
  const page = await newPage(env.browser);
  await signIn(page, base, "lars@demo.samspill.no");
  await page.goto(`${base}/development`);
  await tabUntil(page, () => document.activeElement.closest("form")?.querySelector("input[value='leadership-skills']") != null);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);

  // Four steps of scale items: Space chooses the first value, arrows move to the one wanted.
  for (let step = 1; step <= 4; step++) {
    assert.match(await page.textContent(".take__position"), new RegExp(`Steg ${step} av 5`));
    const names = await page.$$eval(".take__scale input[type=radio]", (inputs) => [...new Set(inputs.map((i) => i.name))]);
    for (const name of names) {
      // Reach this group's first radio.
      for (let i = 0; i < 80 && (await page.evaluate(() => document.activeElement.name)) !== name; i++) await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
    }
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.value)) !== "next"; i++) await page.keyboard.press("Tab");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  }

  // The last step: two development areas and two strengths, typed.
  assert.match(await page.textContent(".take__position"), /Steg 5 av 5/);
  for (const [name, text] of [
    ["q.development-areas.1.area", "Gi tydeligere rammer"],
    ["q.development-areas.1.how", "Skrive ned handlingsrommet for hver oppgave"],
    ["q.development-areas.2.area", "Coachende samtaler"],
    ["q.development-areas.2.how", "Spørre mer og svare mindre"],
    ["q.strengths.1.strength", "Lytter"],
    ["q.strengths.1.how", "Spørre først i hver samtale"],
    ["q.strengths.2.strength", "Bryr meg om folk"],
    ["q.strengths.2.how", "Ringe dem som sitter alene hver uke"],
  ]) {
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement.name)) !== name; i++) await page.keyboard.press("Tab");
    await page.keyboard.type(text);
  }
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement.value)) !== "submit"; i++) await page.keyboard.press("Tab");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);

  assert.match(page.url(), /\/development\/results\/\d+$/);
  const change = await page.$$eval("section[aria-labelledby=scores-title] table tbody tr td:last-child", (cells) => cells.map((c) => c.textContent.trim()));
  assert.equal(change.length, 4, "a change per area since the assessment before");
  assert.ok(change.every((c) => c.startsWith("+") || c.startsWith("−") || c === "0,0"), change.join(" "));
  assert.equal(await page.locator(".chart__previous").count(), 4, "the chart marks last time");
  assert.equal(await page.locator("table").nth(1).locator("tbody tr").count(), 3, "three attempts in the history");
  await expectAccessible(page, "leader's result with history");
  await page.close();
});
