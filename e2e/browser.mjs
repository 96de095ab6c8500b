// Shared by the browser tests and the screenshot script: Debian's Chromium, never a downloaded one.
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

export const CHROMIUM = process.env.SAMSPILL_CHROMIUM || "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/// Signs in through the form, as a person would.
export async function signIn(page, base, email, password = "samspill-demo") {
  await page.goto(`${base}/login`);
  await page.fill("#f-email", email);
  await page.fill("#f-password", password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("form[action=\"/login\"] button[type=submit]")]);
}

/// Chooses a language with the switch in the header.
export async function chooseLanguage(page, code) {
  await Promise.all([page.waitForLoadState("load"), page.click(`.lang-switch button[value=${code}]`)]);
  await page.waitForSelector(`html[lang=${code}]`);
}

/// A fresh page in its own context (own cookies), with a Norwegian browser by default.
export async function newPage(browser, locale = "nb-NO") {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("close", () => context.close().catch(() => {}));
  return page;
}

/// For a test file: a samspill server with the demo organisation and a browser, started before
/// the tests and stopped after. Returns a getter, since both exist only once `before` has run.
export function serverAndBrowser(before, after) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
