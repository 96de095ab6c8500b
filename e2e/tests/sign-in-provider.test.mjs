// Signing in at the organisation's identity provider, a real OpenID Connect provider started
// for the test: the button, the provider's sign-in, Min side as the right person, signing out at
// both, the contact-HR page for someone samspill does not know, and the page without the local
// form when local sign-in is off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";
import { freePort, startServer } from "../server.mjs";
import { startProvider, CLIENT_ID, CLIENT_SECRET } from "../provider.mjs";

const env = {};

/// samspill pointed at the provider, on a port chosen first so the provider knows where to return.
async function samspillWithProvider(localLogin) {
  const port = await freePort();
  const provider = await startProvider(`http://127.0.0.1:${port}`);
  const server = await startServer({
    port,
    env: {
      SAMSPILL_OIDC_ISSUER: provider.issuer,
      SAMSPILL_OIDC_CLIENT_ID: CLIENT_ID,
      SAMSPILL_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      SAMSPILL_OIDC_LABEL: "Testleverandør",
      SAMSPILL_LOCAL_LOGIN: localLogin ? "on" : "off",
    },
  });
  return { provider, server };
}

before(async () => {
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
});

/// At the provider's sign-in form: types the login and any password.
async function signInAtProvider(page, login) {
  await page.waitForSelector("input[name=login]");
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", "anything");
  await page.click("button[type=submit]");
}

test("a person signs in at the provider, lands on Min side as themselves and signs out at both", async () => {
  const { provider, server } = await samspillWithProvider(true);
  try {
    const page = await newPage(env.browser);
    await page.goto(`${server.base}/`);
    await expectAccessible(page, "sign-in page with the provider's button");
    const button = page.getByRole("link", { name: "Logg inn med Testleverandør" });
    assert.ok(await page.isVisible("form[action='/login']"), "local sign-in is on");
    await button.click();
    assert.ok(page.url().startsWith(provider.issuer), `at the provider: ${page.url()}`);
    await signInAtProvider(page, "emma@demo.samspill.no");
    await page.waitForURL(`${server.base}/`);
    assert.equal(await page.textContent("h1"), "Hei, Emma");
    await expectAccessible(page, "Min side after signing in at the provider");

    await page.click(".user-menu summary");
    await Promise.all([page.waitForURL((u) => u.href.startsWith(provider.issuer)), page.click("form[action='/logout'] button")]);
    // The provider asks whether to sign out there too.
    await Promise.all([page.waitForURL(/\/login\?signed_out=1/), page.click("button[autofocus], button[name=logout], button[type=submit]")]);
    assert.match(await page.textContent("main"), /Du er logget ut\./);
    await page.goto(`${server.base}/`);
    assert.match(page.url(), /\/login/, "signed out of samspill");
    await page.getByRole("link", { name: "Logg inn med Testleverandør" }).click();
    await page.waitForSelector("input[name=login]");
    assert.ok(page.url().startsWith(provider.issuer), "signed out at the provider: it asks who you are again");
    await page.close();
  } finally {
    await server.stop();
    await provider.stop();
  }
});

test("someone samspill does not know is told to contact HR, and local sign-in off leaves only the button", async () => {
  const { provider, server } = await samspillWithProvider(false);
  try {
    const page = await newPage(env.browser);
    await page.goto(`${server.base}/login`);
    assert.equal(await page.locator("form[action='/login']").count(), 0, "no e-mail and password form");
    assert.equal(await page.locator("input[type=password]").count(), 0);
    await expectAccessible(page, "sign-in page with the provider only");
    await page.getByRole("link", { name: "Logg inn med Testleverandør" }).click();
    await signInAtProvider(page, "ukjent@etat.no");
    await page.waitForURL(/\/login\/oidc\/callback/);
    assert.match(await page.textContent("main"), /Kontakt HR i virksomheten din/);
    await expectAccessible(page, "contact-HR page");
    await page.goto(`${server.base}/`);
    assert.match(page.url(), /\/login/, "no session");
    await page.close();
  } finally {
    await server.stop();
    await provider.stop();
  }
});
