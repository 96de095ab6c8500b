// Undersøkelser in the browser: the leader opens a team pulse, six of the team answer (in
// bokmål, nynorsk and English), one of them after a refused form; the leader closes the wave and
// reads the results and the comments, replies to one and agrees an action plan, which the team
// reads. A small team's results show as too few answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const TEAM = [
  ["emma@demo.samspill.no", "nb-NO"],
  ["maret.sara@demo.samspill.no", "nn-NO"],
  ["jonas.pedersen@demo.samspill.no", "en-GB"],
  ["thomas.eriksen@demo.samspill.no", "nb-NO"],
  ["ida.mathisen@demo.samspill.no", "nb-NO"],
  ["mohammed.ali@demo.samspill.no", "nb-NO"],
];

test("a team answers a pulse anonymously and the leader reads the results", async () => {
  const base = env.server.base;
  const lars = await newPage(env.browser);
  lars.on("dialog", (d) => d.accept());
  await signIn(lars, base, "lars@demo.samspill.no");
  await clickAndLoad(lars, "nav a[href='/surveys']");
  await clickAndLoad(lars, "a[href='/surveys/new']");
  await expectAccessible(lars, "new survey form");
  assert.ok(await lars.isChecked("input[name=instrument][value=pulse]"));
  await clickAndLoad(lars, "main form button[type=submit]");
  assert.match(await lars.textContent("main"), /Undersøkelsen er startet/);
  const href = await lars.getAttribute("main table a[href$='/results']", "href");
  const wave = href.split("/")[2];

  for (const [n, [email, locale]] of TEAM.entries()) {
    const page = await newPage(env.browser, locale);
    await signIn(page, base, email);
    await page.goto(`${base}/surveys/${wave}`);
    const radios = page.locator(`input[type=radio][value="${n % 2 === 0 ? 4 : 5}"]`);
    const count = await radios.count();
    assert.equal(count, 14, "fourteen statements");
    // The first forgets one statement: the form comes back with the answers kept.
    for (let i = 0; i < count - (n === 0 ? 1 : 0); i++) await radios.nth(i).check();
    if (n % 2 === 0) await page.fill("#f-q\\.comment", `Kommentar fra nummer ${n + 1}`);
    await clickAndLoad(page, "main form button[type=submit]");
    if (n === 0) {
      await page.waitForSelector(".ds-error-summary");
      await expectAccessible(page, "survey form with errors");
      assert.equal(await page.locator("input[type=radio]:checked").count(), 13, "the answers given are kept");
      await radios.nth(count - 1).check();
      await clickAndLoad(page, "main form button[type=submit]");
    }
    assert.match(await page.textContent("main"), /Takk|Thank you/);
    await page.goto(`${base}/surveys/${wave}`);
    assert.equal(await page.locator("main form button[type=submit]").count(), 0, "answered once");
    await page.close();
  }

  // No results while the wave runs; closed, they show with every comment.
  await lars.goto(`${base}/surveys/${wave}/results`);
  assert.match(await lars.textContent("main"), /når runden er avsluttet/);
  await lars.goto(`${base}/surveys`);
  await clickAndLoad(lars, `form[action='/surveys/${wave}/close'] button`);
  await lars.goto(`${base}/surveys/${wave}/results`);
  const main = await lars.textContent("main");
  assert.match(main, /6 av 7 svarte/);
  assert.match(main, /Kommentar fra nummer 5/);
  await expectAccessible(lars, "survey results");

  // Lars replies to a comment and agrees an action plan with the team; the team reads both.
  await lars.fill("main form[action$='/reply'] textarea", "Takk! Vi tar det opp på teammøtet.");
  await clickAndLoad(lars, "main form[action$='/reply'] button[type=submit]");
  await lars.fill("#f-plan_text", "Fast kaffepause på video hver fredag");
  await clickAndLoad(lars, "form:has(#f-plan_text) button[type=submit]");
  assert.match(await lars.textContent("main"), /Fast kaffepause på video hver fredag/);
  await expectAccessible(lars, "survey results with a reply and an action plan");
  await lars.close();
  const emma = await newPage(env.browser);
  await signIn(emma, base, "emma@demo.samspill.no");
  await emma.goto(`${base}/surveys`);
  await clickAndLoad(emma, `a[href='/surveys/${wave}/results']`);
  const summary = await emma.textContent("main");
  assert.match(summary, /Takk! Vi tar det opp på teammøtet\./);
  assert.match(summary, /Fast kaffepause på video hver fredag/);
  assert.equal(await emma.locator("main form").count(), 0, "the team reads, the leader writes");
  await expectAccessible(emma, "the team's survey summary");
  await emma.close();

  // Øyvind's team of two: too few answers to show anything.
  const oyvind = await newPage(env.browser);
  await signIn(oyvind, base, "oyvind.strand@demo.samspill.no");
  await oyvind.goto(`${base}/surveys/6/results`);
  assert.match(await oyvind.textContent("main"), /For få svarte/);
  await oyvind.close();
});
