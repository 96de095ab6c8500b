// axe-core finds no WCAG 2.1 A/AA violation on any page, in bokmål, nynorsk and English,
// including forms shown with their errors.
import { test, before, after } from "node:test";
import { serverAndBrowser, newPage, signIn, chooseLanguage } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

// Each page with the status it must answer: an error page must not pass for the page itself.
const hrPages = [
  ["/", 200],
  ["/me", 200],
  ["/settings", 200],
  ["/org", 200],
  ["/org/people", 200],
  ["/org/people?q=haugen&inactive=on", 200],
  ["/org/people/new", 200],
  ["/org/people/2", 200],
  ["/org/units", 200],
  ["/org/units/2", 200],
  ["/org/locations", 200],
  ["/org/locations/1", 200],
  ["/org/import", 200],
  ["/org/instruments", 200],
  ["/org/settings", 200],
  ["/org/mail", 200],
  ["/development", 200],
  // HR's Undersøkelser: the units' waves, a new one, and the demo department's results by group.
  ["/surveys", 200],
  ["/surveys/new", 200],
  ["/surveys/7/results", 200],
  ["/finnes-ikke", 404],
];

for (const lang of ["nb", "nn", "en"]) {
  test(`every page is accessible in ${lang}`, async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.server.base}/login`);
    await chooseLanguage(page, lang);
    await expectAccessible(page, `${lang} /login`);

    await signIn(page, env.server.base, "hr@demo.samspill.no");
    await chooseLanguage(page, lang);
    for (const [path, status] of hrPages) {
      const response = await page.goto(env.server.base + path);
      if (response.status() !== status) throw new Error(`${path} answered ${response.status()}, expected ${status}`);
      await expectAccessible(page, `${lang} ${path}`);
    }

    // Forms sent back with errors.
    await page.goto(`${env.server.base}/org/people/new`);
    await Promise.all([page.waitForLoadState("load"), page.click("main form.stack .actions button[type=submit]")]);
    await page.waitForSelector(".ds-error-summary");
    await expectAccessible(page, `${lang} person form with errors`);
    await page.goto(`${env.server.base}/settings`);
    await page.fill("#f-current", "feil");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/settings/password'] button")]);
    await expectAccessible(page, `${lang} password form with errors`);
    await page.goto(`${env.server.base}/org/settings`);
    await page.fill("#f-in_person_days", "tja");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/org/settings'] button[type=submit]")]);
    await page.waitForSelector(".ds-error-summary");
    await expectAccessible(page, `${lang} settings form with errors`);
    // A unit's wave refused: the upward view is a team's, and no unit was chosen.
    await page.goto(`${env.server.base}/surveys/new`);
    await page.check("#f-instrument");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/surveys'] button[type=submit]")]);
    await page.waitForSelector(".ds-error-summary");
    await expectAccessible(page, `${lang} survey form with errors`);

    // Import refused, and import ready to apply.
    for (const [label, csv] of [
      ["import refused", "ansattnummer;navn;epost;enhet;leder;lokasjon\n9001;Nora;ikke-epost;Stab;;Oslo\n"],
      ["import preview", "ansattnummer;navn;epost;enhet;leder;lokasjon\n9001;Nora Nilsen;nora@demo.samspill.no;Stab;;Oslo\n"],
    ]) {
      await page.goto(`${env.server.base}/org/import`);
      await page.setInputFiles("#f-file", { name: "ansatte.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await Promise.all([page.waitForLoadState("load"), page.click("form[enctype] button[type=submit]")]);
      await expectAccessible(page, `${lang} ${label}`);
    }
    await page.close();

    // A leader's start page with the team table.
    const leader = await newPage(env.browser);
    await signIn(leader, env.server.base, "lars@demo.samspill.no");
    await chooseLanguage(leader, lang);
    await expectAccessible(leader, `${lang} leader home`);
    // Undersøkelser as the demo's leader: the team's waves, a new wave, results of a closed one.
    for (const path of ["/surveys", "/surveys/new", "/surveys/4/results", "/surveys/5/results"]) {
      const response = await leader.goto(env.server.base + path);
      if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
      await expectAccessible(leader, `${lang} ${path}`);
    }
    await leader.close();

    // The leader of leaders: the choice of her reporting lines, and their results by team.
    const director = await newPage(env.browser);
    await signIn(director, env.server.base, "liv@demo.samspill.no");
    await chooseLanguage(director, lang);
    for (const path of ["/surveys", "/surveys/new", "/surveys/8/results"]) {
      const response = await director.goto(env.server.base + path);
      if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
      await expectAccessible(director, `${lang} director ${path}`);
    }
    await director.close();

    // An employee's start page, and the page that refuses them HR's pages.
    const employee = await newPage(env.browser);
    await signIn(employee, env.server.base, "emma@demo.samspill.no");
    await chooseLanguage(employee, lang);
    await expectAccessible(employee, `${lang} employee home`);
    for (const path of ["/surveys", "/surveys/5"]) {
      const response = await employee.goto(env.server.base + path);
      if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
      await expectAccessible(employee, `${lang} ${path}`);
    }
    const refused = await employee.goto(`${env.server.base}/org/people`);
    if (refused.status() !== 403) throw new Error(`expected 403, got ${refused.status()}`);
    await expectAccessible(employee, `${lang} 403 page`);

    // A form sent with a token that is not this session's: the 403 page that explains and offers to retry.
    await employee.goto(`${env.server.base}/settings`);
    await employee.$eval("form[action='/settings/language'] input[name=csrf]", (input) => (input.value = "0".repeat(64)));
    const [csrf] = await Promise.all([employee.waitForNavigation(), employee.click("form[action='/settings/language'] button")]);
    if (csrf.status() !== 403) throw new Error(`expected the CSRF page, got ${csrf.status()}`);
    await expectAccessible(employee, `${lang} CSRF page`);

    // Utvikling as the demo's employee (a draft, a shared result) and leader (a report's pages).
    for (const [path, status] of [
      ["/development", 200],
      ["/development/attempts/4", 200],
      ["/development/attempts/4?step=all", 200],
      ["/development/results/3", 200],
      ["/development/results/1", 404],
      ["/conversations", 200],
      ["/conversations/new", 200],
      ["/conversations/13", 200],
      ["/conversations/calendar", 200],
    ]) {
      const response = await employee.goto(env.server.base + path);
      if (response.status() !== status) throw new Error(`${path} answered ${response.status()}, expected ${status}`);
      await expectAccessible(employee, `${lang} employee ${path}`);
    }
    await employee.close();
    const lead = await newPage(env.browser);
    await signIn(lead, env.server.base, "lars@demo.samspill.no");
    await chooseLanguage(lead, lang);
    for (const path of ["/development/results/2", "/team/7", "/team/7/results/3", "/conversations", "/conversations/new?with=10", "/conversations/13", "/team", "/team?filter=distant&sort=contact"]) {
      const response = await lead.goto(env.server.base + path);
      if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
      await expectAccessible(lead, `${lang} leader ${path}`);
    }
    await lead.close();

    // The exercises: a task list with a choice per task, shares of time with a wrong sum, and the
    // career quadrant taken to its result. Each is started (or resumed) from Utvikling.
    const start = async (page, instrument) => {
      await page.goto(`${env.server.base}/development`);
      await Promise.all([page.waitForLoadState("load"), page.click(`form[action='/development/start']:has(input[value='${instrument}']) button`)]);
      if (!/\/development\/attempts\/\d+/.test(page.url())) throw new Error(`${instrument} did not start: ${page.url()}`);
    };
    const jonas = await newPage(env.browser);
    await signIn(jonas, env.server.base, "jonas.pedersen@demo.samspill.no");
    await chooseLanguage(jonas, lang);
    const priorities = await jonas.goto(`${env.server.base}/development/results/5`);
    if (priorities.status() !== 200) throw new Error(`the prioritisation result answered ${priorities.status()}`);
    await expectAccessible(jonas, `${lang} prioritisation result`);
    await start(jonas, "prioritisation");
    await expectAccessible(jonas, `${lang} prioritisation step`);
    await jonas.close();

    const liv = await newPage(env.browser);
    await signIn(liv, env.server.base, "liv@demo.samspill.no");
    await chooseLanguage(liv, lang);
    const fourJobs = await liv.goto(`${env.server.base}/development/results/6`);
    if (fourJobs.status() !== 200) throw new Error(`the four jobs' result answered ${fourJobs.status()}`);
    await expectAccessible(liv, `${lang} four jobs result`);
    await start(liv, "leaders-four-jobs");
    await expectAccessible(liv, `${lang} four jobs step`);
    await liv.fill("[name='q.time-now.get-the-job-done']", "70");
    await liv.fill("[name='q.time-now.improve-the-work']", "70");
    await Promise.all([liv.waitForLoadState("load"), liv.click(".actions button[value=next]")]);
    await liv.waitForSelector(".ds-error-summary");
    const target = await liv.getAttribute(".ds-error-summary a", "href");
    if ((await liv.locator(`[id='${target.slice(1)}']`).count()) !== 1) throw new Error(`the error link ${target} leads nowhere`);
    await expectAccessible(liv, `${lang} four jobs with a wrong sum`);
    await liv.close();

    const maret = await newPage(env.browser);
    await signIn(maret, env.server.base, "maret.sara@demo.samspill.no");
    await chooseLanguage(maret, lang);
    await start(maret, "career-quadrant");
    await maret.goto(`${maret.url().split("?")[0]}?step=all`);
    for (const radio of await maret.$$("input[type=radio][value='3']")) await radio.check();
    await Promise.all([maret.waitForLoadState("load"), maret.click(".actions button[value=submit]")]);
    if (!/\/development\/results\/\d+$/.test(maret.url())) throw new Error(`the quadrant was not submitted: ${maret.url()}`);
    await expectAccessible(maret, `${lang} career quadrant result`);
    await maret.close();
  });
}
