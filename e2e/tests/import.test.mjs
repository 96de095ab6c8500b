// HR imports a CSV with a bad line: sees the error and that nothing changed, fixes it, imports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

const header = "ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager\n";
const good = header + "9001;Nora Nilsen;nora.nilsen@demo.samspill.no;Rådgiver;Avdeling Nord/Team Analyse;1002;Tromsø;tir tor\n";
const bad = good + "9002;Per Olsen;per.olsen-demo.samspill.no;Rådgiver;Avdeling Nord/Team Analyse;1002;Tromsø;\n";

async function peopleCount(page) {
  await page.goto(`${env.server.base}/org/people`);
  return page.textContent("main p[role=status]");
}

async function upload(page, csv) {
  await page.goto(`${env.server.base}/org/import`);
  await page.setInputFiles("#f-file", { name: "ansatte.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await Promise.all([page.waitForLoadState("load"), page.click("form[enctype] button[type=submit]")]);
}

test("a bad line is shown with its line number and nothing changes; the fixed file imports", async () => {
  const page = await newPage(env.browser);
  await signIn(page, env.server.base, "hr@demo.samspill.no");
  const before = await peopleCount(page);
  assert.equal(before, "47 personer");

  await upload(page, bad);
  assert.match(await page.textContent(".ds-error-summary"), /Filen har én feil\. Ingenting er endret\./);
  const row = await page.textContent("#errors-table tbody tr");
  assert.match(row, /^3\s*E-post\s*Skriv en gyldig e-postadresse/);
  await expectAccessible(page, "import with errors");
  assert.equal(await peopleCount(page), before, "nothing was imported");

  await upload(page, good);
  assert.match(await page.textContent("#preview-alert"), /Nye: 1\. Endret: 0\. Deaktivert: 0\./);
  assert.match(await page.textContent("main"), /Nora Nilsen \(9001\)/);
  assert.match(await page.textContent("main"), /Avdeling Nord \/ Team Analyse/);
  await expectAccessible(page, "import preview");
  assert.equal(await peopleCount(page), before, "a dry run writes nothing");

  await upload(page, good);
  await Promise.all([page.waitForURL(/\/org\/import\?created=1/), page.click("form[action$='/apply'] button")]);
  assert.match(await page.textContent("main [role=status]"), /Importen er fullført/);
  assert.equal(await peopleCount(page), "48 personer");
  await page.goto(`${env.server.base}/org/people?q=nora`);
  assert.match(await page.textContent("tbody"), /Team Analyse\s*Lars Haugen/);

  await upload(page, good);
  assert.match(await page.textContent("main"), /Filen stemmer med det som er lagret/);
  await page.close();
});
