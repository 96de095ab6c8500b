// Screenshots of pages for a person in a language: node screenshots.mjs BASE EMAIL LANG OUTDIR PATH...
import { launch, newPage, signIn, chooseLanguage } from "./browser.mjs";

const [base, email, lang, outdir, ...paths] = process.argv.slice(2);
const browser = await launch();
const page = await newPage(browser);
if (email !== "-") await signIn(page, base, email);
else await page.goto(`${base}/login`);
await chooseLanguage(page, lang);
for (const path of paths) {
  await page.goto(base + path);
  const name = `${lang}${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
  await page.screenshot({ path: `${outdir}/${name}`, fullPage: true });
  console.log(`${outdir}/${name}`);
}
await browser.close();
