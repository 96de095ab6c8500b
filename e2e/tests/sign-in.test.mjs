// Signing in and out, by mouse and by keyboard only, and switching language to nynorsk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn, chooseLanguage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

test("an employee signs in, sees Min side and signs out", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.base}/`);
  assert.match(page.url(), /\/login\?next=%2F$/);
  await expectAccessible(page, "login");
  await signIn(page, env.server.base, "emma@demo.samspill.no");
  assert.equal(await page.textContent("h1"), "Hei, Emma");
  assert.match(await page.textContent("main"), /Lars Haugen/);
  await page.click(".user-menu summary");
  await Promise.all([page.waitForURL(/\/login/), page.click("form[action='/logout'] button")]);
  assert.match(await page.textContent("main"), /Du er logget ut\./);
  await page.goto(`${env.server.base}/`);
  assert.match(page.url(), /\/login/, "the session has ended");
  await page.close();
});

test("a wrong password gets one general message, the e-mail kept and the summary focused", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.base}/login`);
  await page.fill("#f-email", "emma@demo.samspill.no");
  await page.fill("#f-password", "feil passord");
  await Promise.all([page.waitForLoadState("load"), page.click("form[action='/login'] button")]);
  assert.match(await page.textContent(".ds-error-summary"), /Feil e-post eller passord\./);
  assert.equal(await page.inputValue("#f-email"), "emma@demo.samspill.no");
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary")), true);
  await expectAccessible(page, "login with error");
  await page.close();
});

test("keyboard only: skip link, fields and Enter sign a leader in", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.base}/login`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "ds-skip-link");
  await page.keyboard.press("Enter");
  // From the main landmark, Tab reaches the e-mail field first.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-email");
  await page.keyboard.type("lars@demo.samspill.no");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-password");
  await page.keyboard.type("samspill-demo");
  await Promise.all([page.waitForURL(`${env.server.base}/`), page.keyboard.press("Enter")]);
  assert.equal(await page.textContent("h1"), "Hei, Lars");
  assert.match(await page.textContent("main"), /Teamet ditt/);
  await page.close();
});

test("the language switch turns the pages into nynorsk and remembers it", async () => {
  const page = await newPage(env.browser);
  await signIn(page, env.server.base, "liv@demo.samspill.no");
  await chooseLanguage(page, "nn");
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  assert.equal(await page.textContent(".site-nav [aria-current=page]"), "Mi side");
  assert.match(await page.textContent("main"), /Teamet ditt/);
  await page.goto(`${env.server.base}/settings`);
  assert.equal(await page.textContent("h1"), "Innstillingar");
  assert.equal(await page.isChecked("#f-language-nn"), true);
  await expectAccessible(page, "settings nn");
  await page.close();
});
