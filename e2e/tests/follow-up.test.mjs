// A month of follow-up in the browser: the leader plans a monthly follow-up with the regular
// template; the employee adds agenda items; they hold it with a shared note and two actions; one
// action is done and the other carries over to the next conversation; the contact overview shows
// the pair on track, then overdue once the clock passes the due date.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, newPage, signIn } from "../browser.mjs";
import { expectAccessible } from "../axe.mjs";

const env = serverAndBrowser(before, after);

async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/// The date `days` after `from` as the form takes it (YYYY-MM-DD).
function dayAfter(from, days) {
  return new Date(from.getTime() + days * 86400000).toISOString().slice(0, 10);
}

test("a monthly follow-up: agenda, notes, actions that carry over, and the pair going overdue", async () => {
  const base = env.server.base;
  const lars = await newPage(env.browser);
  lars.on("dialog", (d) => d.accept());
  await signIn(lars, base, "lars@demo.samspill.no");

  // Ida's next conversation in the demo is cancelled, so that she and Lars start afresh.
  await lars.goto(`${base}/team`);
  const idaRow = () => lars.locator("tr", { hasText: "Ida Mathisen" });
  await Promise.all([lars.waitForNavigation(), idaRow().locator("a[href^='/conversations/']").first().click()]);
  await clickAndLoad(lars, "button[value=cancel]");
  assert.match(await lars.textContent("main"), /Samtalen er avlyst/);

  // Lars plans a monthly follow-up with the regular template, two days ahead.
  await lars.goto(`${base}/team`);
  await Promise.all([lars.waitForNavigation(), idaRow().locator("a", { hasText: "Planlegg samtale" }).click()]);
  assert.equal(await lars.inputValue("#f-cadence"), "1m", "monthly by default");
  assert.ok(await lars.isChecked("input[name=template][value=regular-follow-up]"), "the regular follow-up by default");
  const held = new Date(Date.now() + 2 * 86400000);
  await lars.fill("#f-date", dayAfter(held, 0));
  await lars.fill("#f-time", "09:00");
  await clickAndLoad(lars, "main form .actions button[type=submit]");
  assert.match(await lars.textContent("main"), /Samtalen er planlagt/);
  const first = new URL(lars.url()).pathname;

  // Ida, in English, adds her status and what she needs clarified.
  const ida = await newPage(env.browser, "en-GB");
  await signIn(ida, base, "ida.mathisen@demo.samspill.no");
  await ida.goto(base + first);
  for (const item of ["Status: the archive project is on plan", "Clarify priorities for January"]) {
    await ida.fill("#f-agenda", item);
    await clickAndLoad(ida, "form:has(#f-agenda) button[type=submit]");
  }
  assert.equal(await ida.locator(".agenda__item").count(), 2);
  await expectAccessible(ida, "conversation with agenda, in English");

  // Lars goes through the agenda, writes the shared note and two actions, and marks it held.
  await lars.goto(base + first);
  await clickAndLoad(lars, ".agenda__item:first-child button");
  assert.equal(await lars.getAttribute(".agenda__item:first-child button", "aria-pressed"), "true");
  await lars.fill("#f-note", "Prosjektet går etter planen. Prioriteringer for januar avklart.");
  await clickAndLoad(lars, "form:has(#f-note) button[type=submit]");
  await lars.fill("#f-action_text", "Send prosjektplanen til styringsgruppen");
  await lars.check("#f-action_owner-other");
  await clickAndLoad(lars, "form:has(#f-action_text) button[type=submit]");
  await lars.fill("#f-action_text", "Bestill besøk på kontoret i Tromsø");
  await clickAndLoad(lars, "form:has(#f-action_text) button[type=submit]");
  await clickAndLoad(lars, "tr:has-text('Bestill besøk') button");
  assert.equal(await lars.getAttribute("tr:has-text('Bestill besøk') button", "aria-pressed"), "true");
  await clickAndLoad(lars, "button[value=hold]");
  assert.match(await lars.textContent("main"), /registrert som holdt/);
  await expectAccessible(lars, "held conversation with notes and actions");

  // On track in the contact overview…
  await lars.goto(`${base}/team`);
  assert.doesNotMatch(await idaRow().textContent(), /Forsinket/);

  // …until the clock passes the due date, a month after the conversation.
  const later = new Date(held.getTime() + 34 * 86400000);
  env.server.setClock(later);
  try {
    await signIn(lars, base, "lars@demo.samspill.no");
    await lars.goto(`${base}/team`);
    assert.match(await idaRow().textContent(), /Forsinket/);
    await expectAccessible(lars, "contact overview with an overdue pair");

    // The next conversation carries the open action, not the done one.
    await Promise.all([lars.waitForNavigation(), idaRow().locator("a", { hasText: "Planlegg samtale" }).click()]);
    await lars.fill("#f-date", dayAfter(later, 2));
    await lars.fill("#f-time", "09:00");
    await clickAndLoad(lars, "main form .actions button[type=submit]");
    const actions = await lars.textContent("#actions-title + p + .table-scroll");
    assert.match(actions, /Send prosjektplanen til styringsgruppen/);
    assert.match(actions, /fra før/, "marked as carried over");
    assert.doesNotMatch(actions, /Bestill besøk/);
    await lars.goto(`${base}/team`);
    assert.doesNotMatch(await idaRow().textContent(), /Forsinket/, "planned again");
  } finally {
    env.server.setClock(null);
  }
  await lars.close();
  await ida.close();
});
