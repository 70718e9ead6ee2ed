// The mail the run's SMTP server (scripts/lib/mail-catcher.ts) received for one address, parsed by
// mailparser: a test reads only its own users' mail.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { mailFolder } from "../../scripts/lib/mail-catcher";
import { waitFor } from "./toss-sandbox";

const mailDir = () => {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error("TEST_MAIL_DIR is unset: run the tests with `npm test`, which starts the SMTP server");
  return dir;
};

/** Every message received for `address`, oldest first. */
export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const folder = mailFolder(mailDir(), address);
  const names = await readdir(folder).catch(() => [] as string[]);
  const sorted = names.filter((n) => n.endsWith(".eml")).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  return Promise.all(sorted.map(async (name) => simpleParser(await readFile(path.join(folder, name)))));
}

/** Waits until `address` has received `count` messages (default 1) and answers them. */
export async function waitForMails(address: string, count = 1, timeoutMs = 10_000): Promise<ParsedMail[]> {
  return waitFor(async () => {
    const mails = await mailsTo(address);
    return mails.length >= count ? mails : undefined;
  }, timeoutMs, 100);
}
